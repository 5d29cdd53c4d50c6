using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Grocery recall accuracy against the distance between request and recall, per agent, with the Wilson band.</summary>
internal static class RecallPlot
{
    public const string FileName = "grocery-recall.png";

    public static string Draw(IReadOnlyList<RecallBin> bins, IReadOnlyList<string> agents, string folder, ReportOptions options)
    {
        var plot = PlotCanvas.Create("Grocery recall by distance", "unrelated questions between request and recall (bin centre)", "recall (%)");
        for (var i = 0; i < agents.Count; i++)
        {
            var mine = bins.Where(b => b.Agent == agents[i]).ToArray();
            if (mine.Length == 0) continue;
            var intervals = mine.Select(b => b.Correct.WilsonInterval()).ToArray();
            PlotCanvas.LineWithBand(
                plot,
                mine.Select(b => (b.From + b.To) / 2.0).ToArray(),
                PlotCanvas.Percent(mine.Select(b => b.Correct.Value)),
                PlotCanvas.Percent(intervals.Select(c => c.Low)),
                PlotCanvas.Percent(intervals.Select(c => c.High)),
                i,
                agents[i]);
        }
        return PlotCanvas.Save(plot, folder, FileName, options);
    }
}
