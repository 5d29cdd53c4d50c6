using SirArena.Arena.Agents;
using SirArena.Llm.Runtime;

namespace SirArena.Arena.Tournament;

/// <summary>
/// The arena as arena.json's "Arena" section describes it: which agents play which scenarios, for how many rounds,
/// under which seeds, and where replays and reports go. Relative paths are resolved against the folder of the
/// configuration file. Bound through the Generic Host's configuration and checked by <see cref="ArenaOptionsValidator"/>.
/// </summary>
public sealed record ArenaOptions
{
    public const string Section = "Arena";

    /// <summary>The default model folder (Hugging Face layout) of every "llm" agent that names none.</summary>
    public string Model { get; init; } = "models/sir-tiny";
    public string Scenarios { get; init; } = "scenarios";
    public string Output { get; init; } = "replays";
    /// <summary>Rounds per match.</summary>
    public long Rounds { get; init; } = 2000;
    /// <summary>One match per agent, scenario and seed; agents of one scenario and seed meet identical opponents.
    /// (Collections default to empty: the configuration binder appends to a default rather than replacing it.)</summary>
    public ulong[] Seeds { get; init; } = [];
    public string[] Opponents { get; init; } = [];
    /// <summary>Named groups of opponents whose rates the report and the console also show pooled, e.g.
    /// "biased": ["rock-biased", "paper-biased", "scissors-biased"]; every name must be one of <see cref="Opponents"/>.</summary>
    public Dictionary<string, string[]> Pools { get; init; } = [];
    public AgentSpec[] Agents { get; init; } = [];
    /// <summary>Which agents the report compares: challenger minus baseline, and the share of the gap to reference.</summary>
    public ComparisonOptions Compare { get; init; } = new();
    /// <summary>Where the language models compute: cpu, cuda or cuda:N (see ComputeDevice); --device overrides it.</summary>
    public string Device { get; init; } = ComputeDevice.Cpu;
    /// <summary>Matches run side by side (default: one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The agent called <paramref name="name"/> (case ignored), or null when the arena has none of that name.</summary>
    public AgentSpec? Agent(string name) => Agents.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The agent `play` uses by default: the language-model agent named as the challenger (SirLLM).</summary>
    public AgentSpec DefaultPlayer() =>
        Agents.FirstOrDefault(a => a.IsLlm && a.Name.Equals(Compare.Challenger, StringComparison.OrdinalIgnoreCase)) ?? new AgentSpec();
}

public sealed record ComparisonOptions
{
    public string Challenger { get; init; } = "sir";
    public string Baseline { get; init; } = "streaming";
    public string Reference { get; init; } = "oracle";
}
