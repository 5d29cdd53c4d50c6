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
}
