namespace SirArena.Arena.Statistics;

/// <summary>One row of a results table: an agent's rates on a scenario, or pooled over several (then
/// <see cref="Scenario"/> is the pool's label).</summary>
public sealed record AgentRates(string Agent, string Scenario, int Matches, OutcomeRates Rates);
