using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Win rate against rounds since the last switch, per agent, with the Wilson 95% band.</summary>
internal static class AdaptivityPlot
{
    public static string Draw(IReadOnlyList<AdaptivityBin> bins, string scenario, IReadOnlyList<string> agents, string folder, ReportOptions options)
    {
        var plot = PlotCanvas.Create(Cells.Invariant($"Adapting after a switch ({scenario})"), "rounds since the switch (bin centre)", "win rate (%)");
        for (var i = 0; i < agents.Count; i++)
        {
            var mine = bins.Where(b => b.Agent == agents[i] && b.Wins.Trials > 0).ToArray();
            if (mine.Length == 0) continue;
            var intervals = mine.Select(b => b.Wins.WilsonInterval()).ToArray();
            PlotCanvas.LineWithBand(
                plot,
                mine.Select(b => (b.From + b.To) / 2.0).ToArray(),
                PlotCanvas.Percent(mine.Select(b => b.Wins.Value)),
                PlotCanvas.Percent(intervals.Select(c => c.Low)),
                PlotCanvas.Percent(intervals.Select(c => c.High)),
                i,
                agents[i]);
        }
        return PlotCanvas.Save(plot, folder, $"adaptivity-{PlotCanvas.FileSafe(scenario)}.png", options);
    }
}
