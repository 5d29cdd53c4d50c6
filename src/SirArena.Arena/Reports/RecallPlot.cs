using SirArena.Simulation.Games.Grocery;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Grocery recall accuracy against the distance between request and recall in one scenario, per agent, with the Wilson band.</summary>
internal static class RecallPlot
{
    public static string Draw(IReadOnlyList<RecallBin> bins, string scenario, IReadOnlyList<string> agents, string folder, ReportOptions options)
    {
        var plot = PlotCanvas.Create(Cells.Invariant($"Grocery recall by distance ({scenario})"), "unrelated questions between request and recall (bin centre)", "recall (%)");
        PlotCanvas.BinnedRates(plot, agents, bins.Select(b => (b.Agent, b.From, b.To, b.Correct)), options.Oracle);
        PlotCanvas.Chance(plot, 100.0 / OptionShuffle.OptionCount, $"chance (1 of {OptionShuffle.OptionCount})");
        return PlotCanvas.Save(plot, folder, $"grocery-recall-{PlotCanvas.FileSafe(scenario)}.png", options);
    }
}
