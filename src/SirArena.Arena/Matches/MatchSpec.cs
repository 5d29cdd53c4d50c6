using SirArena.Arena.Agents;

namespace SirArena.Arena.Matches;

/// <summary>Everything that decides a match round for round: the scenario by name, its seed, and the agent.</summary>
public sealed record MatchSpec(string Scenario, ulong Seed, AgentSpec Agent);
