using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Win rate against rounds since the last switch, per agent, with the Wilson 95% band.</summary>
internal static class AdaptivityPlot
{
    public static string Draw(IReadOnlyList<AdaptivityBin> bins, string scenario, IReadOnlyList<string> agents, string folder, ReportOptions options)
    {
        var plot = PlotCanvas.Create(Cells.Invariant($"Adapting after a switch ({scenario})"), "rounds since the switch (bin centre)", "win rate (%)");
        PlotCanvas.BinnedRates(plot, agents, bins.Select(b => (b.Agent, b.From, b.To, b.Wins)), options.Oracle);
        PlotCanvas.Chance(plot, 100.0 / 3, "chance (1/3)");
        return PlotCanvas.Save(plot, folder, $"adaptivity-{PlotCanvas.FileSafe(scenario)}.png", options);
    }
}
