using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>One plot per scenario: each agent's win rate over a trailing window of rounds, seeds averaged.</summary>
internal static class RollingWinPlot
{
    public static string Draw(IReadOnlyList<MatchOutcome> outcomes, string scenario, IReadOnlyList<string> agents, string folder, ReportOptions options)
    {
        var plot = PlotCanvas.Create(
            Cells.Invariant($"Rolling win rate against {scenario} ({options.RollingWindow} rounds)"), "round", "win rate (%)");
        for (var i = 0; i < agents.Count; i++)
        {
            var matches = outcomes.Where(o => o.Scenario == scenario && o.Agent == agents[i]).ToArray();
            var (rounds, rates) = RollingWinRate.Of(matches, options.RollingWindow);
            if (rounds.Length > 0) PlotCanvas.Line(plot, rounds, PlotCanvas.Percent(rates), i, agents[i], agents[i] == options.Oracle);
        }
        PlotCanvas.Chance(plot, 100.0 / 3, "chance (1/3)");
        return PlotCanvas.Save(plot, folder, $"rolling-{PlotCanvas.FileSafe(scenario)}.png", options);
    }
}
