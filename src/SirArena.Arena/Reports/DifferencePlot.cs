using SirArena.Arena.Statistics;
using ScottPlot;

namespace SirArena.Arena.Reports;

/// <summary>
/// One plot per scenario: the headline pair's paired difference of win rates (A minus B, in points) over stretches of
/// rounds, with its 95% batch-means band and a zero line, so a reader sees where and by how much one memory is ahead.
/// </summary>
internal static class DifferencePlot
{
    /// <summary>The PNG's path, or null when A and B did not both play <paramref name="scenario"/>.</summary>
    public static string? Draw(IReadOnlyList<MatchOutcome> outcomes, string scenario, AgentPair pair, IReadOnlyList<string> agents,
        string folder, ReportOptions options)
    {
        var plot = Build(outcomes, scenario, pair, agents, options);
        return plot is null ? null : PlotCanvas.Save(plot, folder, FileName(scenario), options, signed: true);
    }

    public static string FileName(string scenario) => $"rolling-difference-{PlotCanvas.FileSafe(scenario)}.png";

    public static Plot? Build(IReadOnlyList<MatchOutcome> outcomes, string scenario, AgentPair pair, IReadOnlyList<string> agents,
        ReportOptions options)
    {
        var bins = DifferenceOverRounds.Of(outcomes, pair.A, pair.B, scenario, options.DifferenceBinWidth, options.BlockSize);
        if (bins.Count == 0) return null;
        var plot = PlotCanvas.Create(
            Cells.Invariant($"{pair.A} minus {pair.B} against {scenario} (per {options.DifferenceBinWidth} rounds)"),
            "round (bin centre)", "win rate difference (points)");
        PlotCanvas.LineWithBand(
            plot,
            bins.Select(b => (b.From + b.To) / 2.0).ToArray(),
            PlotCanvas.Percent(bins.Select(b => b.Difference.Mean)),
            PlotCanvas.Percent(bins.Select(b => b.Difference.Low)),
            PlotCanvas.Percent(bins.Select(b => b.Difference.High)),
            Math.Max(0, agents.ToList().IndexOf(pair.A)),
            Cells.Invariant($"{pair.A} - {pair.B}, 95% band"),
            reference: false);
        PlotCanvas.Chance(plot, 0, "no difference");
        return plot;
    }
}
