using SirArena.Simulation.Games.Grocery;
using SirArena.Arena.Statistics;
using ScottPlot;

namespace SirArena.Arena.Reports;

/// <summary>Grocery recall accuracy against the distance between request and recall in one scenario, per agent, with
/// the Wilson band, and where the window reference (StreamingLLM) stopped holding the request.</summary>
internal static class RecallPlot
{
    public static string Draw(IReadOnlyList<RecallBin> bins, WindowEdge? edge, string scenario, IReadOnlyList<string> agents, string folder, ReportOptions options) =>
        PlotCanvas.Save(Build(bins, edge, scenario, agents, options), folder, $"grocery-recall-{PlotCanvas.FileSafe(scenario)}.png", options);

    public static Plot Build(IReadOnlyList<RecallBin> bins, WindowEdge? edge, string scenario, IReadOnlyList<string> agents, ReportOptions options)
    {
        var plot = PlotCanvas.Create(Cells.Invariant($"Grocery recall by distance ({scenario})"), "unrelated questions between request and recall (bin centre)", "recall (%)");
        PlotCanvas.BinnedRates(plot, agents, bins.Select(b => (b.Agent, b.From, b.To, b.Correct)), options.Oracle);
        PlotCanvas.Chance(plot, 100.0 / OptionShuffle.OptionCount, $"chance (1 of {OptionShuffle.OptionCount})");
        if (edge is not null && options.WindowReference is { } reference) MarkWindow(plot, edge, reference);
        return plot;
    }

    /// <summary>
    /// A vertical line where the reference's window ended: between the longest distance it still held a request and
    /// the shortest it had lost one. Where those overlap (questions differ in tokens), a shaded span covers the
    /// distances at which it sometimes held, sometimes lost the request. With only one of them known, the line
    /// stands at it and the label says which.
    /// </summary>
    static void MarkWindow(Plot plot, WindowEdge edge, string reference)
    {
        var colour = Colors.DimGray;
        switch (edge)
        {
            case { LongestHeld: { } held, ShortestLost: { } lost } when lost <= held:
                // ScottPlot names a span by the axis it covers: a horizontal span covers a range of x.
                var span = plot.Add.HorizontalSpan(lost, held);
                span.FillColor = colour.WithAlpha(0.15);
                span.LineColor = colour;
                span.LegendText = Cells.Invariant($"{reference}'s window ends: held to {held}, lost from {lost}");
                return;
            case { LongestHeld: { } held, ShortestLost: { } lost }:
                Line(plot, (held + lost) / 2.0, colour, Cells.Invariant($"{reference}'s window ends: held to {held}, lost from {lost}"));
                return;
            case { LongestHeld: { } held }:
                Line(plot, held, colour, Cells.Invariant($"{reference} held every request (to {held})"));
                return;
            case { ShortestLost: { } lost }:
                Line(plot, lost, colour, Cells.Invariant($"{reference} held no request (from {lost})"));
                return;
        }
    }

    static void Line(Plot plot, double x, Color colour, string label)
    {
        var line = plot.Add.VerticalLine(x);
        line.Color = colour;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = label;
    }
}
