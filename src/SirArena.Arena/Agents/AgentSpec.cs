using SirArena.Llm.Memory;
using SirArena.Simulation.Agents;

namespace SirArena.Arena.Agents;

/// <summary>
/// One agent of an arena, as arena.json and the command line describe it and as replay headers record it:
/// a language model under a memory policy ("llm"), or a tensor-free baseline ("oracle", "frequency", "random").
/// </summary>
public sealed record AgentSpec
{
    public const string LlmKind = "llm";

    /// <summary>How reports and replays name it, e.g. "sir-512" or "oracle".</summary>
    public string Name { get; init; } = "sir";
    public string Kind { get; init; } = LlmKind;
    /// <summary>The model folder (Hugging Face layout); only for "llm". Null means the arena's default model.</summary>
    public string? Model { get; init; }
    public string Policy { get; init; } = "sir";
    public int Budget { get; init; } = 512;
    public int Start { get; init; } = 4;
    public int? Recent { get; init; }
    public float Eta { get; init; } = 0.9f;
    /// <summary>A <see cref="Agents.ChatFormat"/> name; null means the one the model's chat template is recognised as
    /// (the paper's format for a model without a template, as sir-tiny is).</summary>
    public string? ChatFormat { get; init; }

    public bool IsLlm => string.Equals(Kind, LlmKind, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <see cref="Eta"/> means something: the agent's policy ranks by surprisal, which it decays.</summary>
    public bool DecaysScores => Scores == ScoreSource.Surprisal;

    /// <summary>True for the policy whose decay chooses each round's eta (sir-adaptive): what its replays and checkpoints
    /// hold about that choice depends on their version.</summary>
    public bool AdaptsDecay => IsLlm && Policy == AdaptiveSirMemory.PolicyName;

    /// <summary>What the agent's memory ranks tokens by (<see cref="ScoreSource.None"/> for a baseline).</summary>
    public ScoreSource Scores => IsLlm ? CreatePolicy(int.MaxValue).Scores : ScoreSource.None;

    /// <summary>The memory policy for a model of pre-training length <paramref name="pretrainingLength"/>.</summary>
    public IMemoryPolicy CreatePolicy(int pretrainingLength) =>
        MemoryPolicies.Create(new MemoryPolicyOptions(Policy, Budget, Start, Recent, Eta, pretrainingLength));

    /// <summary>Checks the spec without loading anything; the message names the agent and the setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("every agent needs a name");
        if (IsLlm)
        {
            // The sinks must leave room in the budget; blaming Budget for a Start too large would mislead.
            if (Start >= Budget && Budget >= 1 && Start >= 0)
                throw new ArgumentException($"agent \"{Name}\": Start {Start} leaves no room in Budget {Budget}; expected Start from 0 to {Budget - 1}");
            try
            {
                _ = new MemoryPolicyOptions(Policy, Budget, Start, Recent, Eta, PretrainingLength: int.MaxValue);
                if (ChatFormat is not null) Agents.ChatFormat.Named(ChatFormat);
            }
            catch (ArgumentException e) { throw new ArgumentException($"agent \"{Name}\": {e.Plain()}", e); }
        }
        else if (!BaselineAgents.Names.Contains(Kind.ToLowerInvariant()))
        {
            throw new ArgumentException($"agent \"{Name}\": unknown kind \"{Kind}\"; known: {LlmKind}, {string.Join(", ", BaselineAgents.Names)}");
        }
    }
}
