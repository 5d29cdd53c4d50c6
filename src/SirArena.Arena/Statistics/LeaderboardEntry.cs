namespace SirArena.Arena.Statistics;

/// <summary>An agent on the leaderboard, with the baseline it is paired with: the baseline policy's agent at the same
/// budget, so that each difference is about the policy and not about the budget.</summary>
public sealed record LeaderboardEntry(string Agent, string Policy, int Budget, string Baseline);
