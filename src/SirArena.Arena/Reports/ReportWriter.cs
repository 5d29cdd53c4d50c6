using System.Text;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Arena.Reports;

/// <summary>
/// Writes an arena's results as report.md with PNG plots beside it: setup, win/tie/loss rates per scenario and pooled,
/// the paired differences asked for, adaptivity after switches, grocery recall by distance. A section whose data are
/// absent (no switching player, no grocery matches) is left out rather than printed empty.
/// </summary>
public static class ReportWriter
{
    public const string MarkdownFileName = "report.md";

    public static ReportFiles Write(IReadOnlyList<MatchOutcome> outcomes, ArenaDescription arena, string folder, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(arena);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new ReportOptions();
        Directory.CreateDirectory(folder);

        var agents = RateTable.Agents(outcomes); // one order, so an agent keeps its colour in every plot
        var plots = new List<string>();
        var markdown = new StringBuilder().AppendLine(Cells.Invariant($"# {options.Title}")).AppendLine();
        Append(markdown, SetupSection.Render(arena));

        var rps = outcomes.Where(o => o.Rounds.Any(r => r is RpsRoundResult)).ToArray();
        if (rps.Length > 0)
        {
            Append(markdown, RatesSection.Render(rps, options));
            foreach (var scenario in RateTable.Scenarios(rps))
                AppendPlot(markdown, plots, RollingWinPlot.Draw(rps, scenario, agents, folder, options), $"Rolling win rate against {scenario}");
            Append(markdown, ComparisonSection.Render(rps, options));
        }

        var adaptivity = Adaptivity.AfterSwitches(outcomes, options.SwitchingScenario, options.AdaptivityBinWidth);
        if (adaptivity.Count > 0)
        {
            Append(markdown, AdaptivitySection.Render(adaptivity, options.SwitchingScenario));
            AppendPlot(markdown, plots, AdaptivityPlot.Draw(adaptivity, options.SwitchingScenario, agents, folder, options), "Win rate after a switch");
        }

        var grocery = GroceryRecall.Scores(outcomes);
        if (grocery.Count > 0)
        {
            var byDistance = GroceryRecall.ByDistance(outcomes, options.RecallBinWidth);
            Append(markdown, GrocerySection.Render(grocery, byDistance));
            AppendPlot(markdown, plots, RecallPlot.Draw(byDistance, agents, folder, options), "Grocery recall by distance");
        }

        // The memory each agent held is in the replays of this folder, when the arena wrote them here.
        foreach (var line in ContextAgreementSection.Lines(folder)) markdown.AppendLine(line);

        // Written aside and moved into place, so a reader never finds a half-written report.
        var path = Path.Combine(folder, MarkdownFileName);
        var partial = path + ".partial";
        File.WriteAllText(partial, markdown.ToString());
        File.Move(partial, path, overwrite: true);
        return new ReportFiles(path, plots);
    }

    private static void Append(StringBuilder markdown, string section)
    {
        if (section.Length > 0) markdown.Append(section).AppendLine();
    }

    private static void AppendPlot(StringBuilder markdown, List<string> plots, string path, string caption)
    {
        plots.Add(path);
        markdown.AppendLine(Cells.Invariant($"![{caption}]({Path.GetFileName(path)})")).AppendLine();
    }
}
