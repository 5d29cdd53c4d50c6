using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Grocery recall accuracy against the distance between request and recall, per agent, with the Wilson band.</summary>
internal static class RecallPlot
{
    public const string FileName = "grocery-recall.png";

    public static string Draw(IReadOnlyList<RecallBin> bins, IReadOnlyList<string> agents, string folder, ReportOptions options)
    {
        var plot = PlotCanvas.Create("Grocery recall by distance", "unrelated questions between request and recall (bin centre)", "recall (%)");
        PlotCanvas.BinnedRates(plot, agents, bins.Select(b => (b.Agent, b.From, b.To, b.Correct)));
        return PlotCanvas.Save(plot, folder, FileName, options);
    }
}
