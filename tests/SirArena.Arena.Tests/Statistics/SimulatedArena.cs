using SirArena.Arena.Statistics;
using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Statistics;

/// <summary>Real matches of the tensor-free baselines, fast enough for unit tests and shaped like an arena's results.</summary>
internal static class SimulatedArena
{
    private static readonly Lazy<ScenarioCatalog> Catalog = new(ScenarioCatalog.LoadDefault);

    /// <summary>One match of the baseline <paramref name="kind"/>, reported under <paramref name="name"/> (default: the kind).
    /// <paramref name="agentSeed"/> lets two random agents differ while facing the same opponent draws.</summary>
    public static MatchOutcome Play(string kind, string scenario, ulong seed, int rounds, string? name = null, ulong? agentSeed = null)
    {
        var match = new Match(Catalog.Value.Create(scenario, seed), BaselineAgents.Create(kind, agentSeed ?? seed));
        return new MatchOutcome(name ?? kind, scenario, seed, match.Play(rounds).ToArray());
    }

    /// <summary>Every agent kind against every scenario with one seed.</summary>
    public static IReadOnlyList<MatchOutcome> PlayAll(IEnumerable<string> kinds, IEnumerable<string> scenarios, ulong seed, int rounds) =>
        scenarios.SelectMany(scenario => kinds.Select(kind => Play(kind, scenario, seed, rounds))).ToArray();

    public static readonly string[] Biased = ["rock-biased", "paper-biased", "scissors-biased"];
}
