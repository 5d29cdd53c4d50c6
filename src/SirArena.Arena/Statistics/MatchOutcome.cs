using SirArena.Simulation.Loop;

namespace SirArena.Arena.Statistics;

/// <summary>
/// One match of an arena as the statistics see it: who played which scenario with which seed, and every round in
/// order. Agents that played one scenario with one seed met the very same opponent draws (common random numbers), so
/// their rounds pair up by index.
/// </summary>
public sealed record MatchOutcome
{
    public MatchOutcome(string agent, string scenario, ulong seed, IReadOnlyList<RoundResult> rounds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        Agent = agent;
        Scenario = scenario;
        Seed = seed;
        Rounds = rounds ?? throw new ArgumentNullException(nameof(rounds));
    }

    public string Agent { get; }
    public string Scenario { get; }
    public ulong Seed { get; }
    public IReadOnlyList<RoundResult> Rounds { get; }

    /// <summary>The match <paramref name="agent"/> played on this one's draws (same scenario and seed), or null.</summary>
    public MatchOutcome? SameDraws(IEnumerable<MatchOutcome> outcomes, string agent) =>
        outcomes.FirstOrDefault(o => o.Agent == agent && o.Scenario == Scenario && o.Seed == Seed);

    /// <summary>1 for a won round, 0 otherwise: the unit every win rate averages.</summary>
    public static double Win(RoundResult round) => round.Outcome == Outcome.Win ? 1 : 0;
}
