using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>
/// What the report compares and how finely. The defaults follow the SirLLM paper's setting: the three biased players
/// pooled for the headline, `switching` for adaptivity, the oracle as the ceiling.
/// </summary>
public sealed record ReportOptions
{
    public string Title { get; init; } = "SirArena results";

    /// <summary>Paired differences to show (A minus B); a pair whose agents did not both play is skipped.</summary>
    public IReadOnlyList<AgentPair> Comparisons { get; init; } = [];

    /// <summary>The ceiling for "share of the gap closed"; null or absent from the results leaves that column empty.</summary>
    public string? Oracle { get; init; } = "oracle";

    public IReadOnlyList<string> PooledScenarios { get; init; } = ["rock-biased", "paper-biased", "scissors-biased"];
    public string PooledLabel { get; init; } = "biased players, pooled";
    public string SwitchingScenario { get; init; } = "switching";

    /// <summary>The agent whose memory decides whether a grocery request was "in the window" at its recall.</summary>
    public string? WindowReference { get; init; } = "streaming";

    public int BlockSize { get; init; } = BatchMeans.DefaultBlockSize;
    public int RollingWindow { get; init; } = RollingWinRate.DefaultWindow;
    public int AdaptivityBinWidth { get; init; } = Adaptivity.DefaultBinWidth;
    public int RecallBinWidth { get; init; } = GroceryRecall.DefaultBinWidth;

    public int PlotWidth { get; init; } = 900;
    public int PlotHeight { get; init; } = 500;
}
