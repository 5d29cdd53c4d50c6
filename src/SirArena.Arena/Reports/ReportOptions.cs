using SirArena.Arena.Statistics;
using SirArena.Simulation.Opponents;

namespace SirArena.Arena.Reports;

/// <summary>
/// What the report compares and how finely. Which scenarios are pooled and which switch come from the arena
/// (arena.json's Arena:Pools, the scenarios' definitions), never from scenario names; none are assumed.
/// </summary>
public sealed record ReportOptions
{
    public string Title { get; init; } = "SirArena results";

    /// <summary>Paired differences to show (A minus B); a pair whose agents did not both play is skipped.</summary>
    public IReadOnlyList<AgentPair> Comparisons { get; init; } = [];

    /// <summary>The ceiling for "share of the gap closed"; null or absent from the results leaves that column empty.</summary>
    public string? Oracle { get; init; } = "oracle";

    /// <summary>Named pools of scenarios whose rates and differences are also shown pooled (arena.json's Arena:Pools).</summary>
    public IReadOnlyDictionary<string, string[]> Pools { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Per scenario whose opponent switches its favourite, its schedule: each gets an adaptivity section.</summary>
    public IReadOnlyDictionary<string, ISwitchSchedule> Switching { get; init; } = new Dictionary<string, ISwitchSchedule>();

    /// <summary>Per scenario whose opponent follows a readable rule, the rounds it takes to show it: each gets a sequence section.</summary>
    public IReadOnlyDictionary<string, int> Patterns { get; init; } = new Dictionary<string, int>();

    /// <summary>The label of pool <paramref name="name"/>'s rows: "biased players, pooled".</summary>
    public static string PoolLabel(string name) => $"{name} players, pooled";

    /// <summary>The leaderboard's agents, each with its same-budget baseline; the section is left out when the
    /// agents span a single budget, where the paired differences already say it all.</summary>
    public IReadOnlyList<LeaderboardEntry> Leaderboard { get; init; } = [];

    /// <summary>The agent whose memory decides whether a grocery request was "in the window" at its recall.</summary>
    public string? WindowReference { get; init; } = "streaming";

    public int BlockSize { get; init; } = BatchMeans.DefaultBlockSize;
    public int RollingWindow { get; init; } = RollingWinRate.DefaultWindow;
    public int DifferenceBinWidth { get; init; } = DifferenceOverRounds.DefaultBinWidth;
    public int AdaptivityBinWidth { get; init; } = Adaptivity.DefaultBinWidth;
    public int RecallBinWidth { get; init; } = GroceryRecall.DefaultBinWidth;

    public int PlotWidth { get; init; } = 900;
    public int PlotHeight { get; init; } = 500;
}
