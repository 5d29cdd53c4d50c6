namespace SirArena.Arena.Statistics;

/// <summary>
/// Agent A against agent B on the same opponent draws: the difference of their win rates (A minus B) with a
/// batch-means interval, and both rates over exactly the rounds that entered it. With an oracle measured on those
/// rounds too, <see cref="GapClosed"/> says how much of B's distance to the ceiling A made up, with its interval over
/// the same blocks.
/// </summary>
/// <param name="GapClosed">(A - B) / (oracle - B) with its interval; null without an oracle or when B already matches it
/// (no gap to close).</param>
public sealed record PairedComparison(
    string AgentA,
    string AgentB,
    IReadOnlyList<string> Scenarios,
    long Rounds,
    int BlockSize,
    MeanInterval Difference,
    double WinRateA,
    double WinRateB,
    double? OracleWinRate,
    MeanInterval? GapClosed);
