using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// One agent's line of the leaderboard: its pooled win rate, its win rate in the first rounds after a switch, and its
/// recall per grocery scenario beyond its baseline's window, each beside its paired difference to the baseline
/// (null where the arena played nothing to measure it on).
/// </summary>
public sealed record LeaderboardRow(LeaderboardEntry Entry, PairedComparison? Pooled, Proportion AfterSwitches, MeanInterval AfterSwitchesDifference,
    IReadOnlyList<(string Scenario, Proportion Beyond, MeanInterval Difference)> Grocery);
