using SirArena.Arena.Statistics;
using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Statistics;

/// <summary>Real matches of the tensor-free baselines, fast enough for unit tests and shaped like an arena's results.</summary>
internal static class SimulatedArena
{
    private static readonly Lazy<ScenarioCatalog> Shipped = new(ScenarioCatalog.LoadDefault);

    /// <summary>The repository's scenarios.</summary>
    public static ScenarioCatalog Catalog => Shipped.Value;

    /// <summary>One match of the baseline <paramref name="kind"/>, reported under <paramref name="name"/> (default: the kind).
    /// <paramref name="agentSeed"/> lets two random agents differ while facing the same opponent draws.</summary>
    public static MatchOutcome Play(string kind, string scenario, ulong seed, int rounds, string? name = null, ulong? agentSeed = null,
        ScenarioCatalog? catalog = null)
    {
        var match = new Match((catalog ?? Catalog).Create(scenario, seed), BaselineAgents.Create(kind, agentSeed ?? seed));
        return new MatchOutcome(name ?? kind, scenario, seed, match.Play(rounds).ToArray());
    }

    /// <summary>Every agent kind against every scenario (of <paramref name="catalog"/>, by default the repository's) with one seed.</summary>
    public static IReadOnlyList<MatchOutcome> PlayAll(IEnumerable<string> kinds, IEnumerable<string> scenarios, ulong seed, int rounds,
        ScenarioCatalog? catalog = null) =>
        scenarios.SelectMany(scenario => kinds.Select(kind => Play(kind, scenario, seed, rounds, catalog: catalog))).ToArray();

    /// <summary>The schedule of the shipped <c>switching</c> player.</summary>
    public static ISwitchSchedule Switching => SwitchPoints.Schedules(Catalog, ["switching"])["switching"];

    public static readonly string[] Biased = ["rock-biased", "paper-biased", "scissors-biased"];
}
