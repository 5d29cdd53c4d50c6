using System.Text;
using SirArena.Arena.Replays;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Arena.Reports;

/// <summary>
/// Writes an arena's results as report.md with PNG plots beside it: setup, win/tie/loss rates per scenario and per
/// pool the options name, the paired differences asked for, adaptivity after switches for each switching scenario,
/// and for each grocery scenario its recall by distance and by whether the request was still in StreamingLLM's window.
/// A section whose data are absent (no switching player, no grocery matches) is left out rather than printed empty.
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
            {
                AppendPlot(markdown, plots, RollingWinPlot.Draw(rps, scenario, agents, folder, options), $"Rolling win rate against {scenario}");
                // The first pair the options name is the headline (the arena puts its challenger first).
                if (options.Comparisons.Count > 0 && DifferencePlot.Draw(rps, scenario, options.Comparisons[0], agents, folder, options) is { } difference)
                    AppendPlot(markdown, plots, difference, $"{options.Comparisons[0].A} minus {options.Comparisons[0].B} against {scenario}");
            }
            Append(markdown, ComparisonSection.Render(rps, options));
        }

        foreach (var scenario in RateTable.Scenarios(outcomes))
        {
            if (!options.Switching.TryGetValue(scenario, out var schedule)) continue;
            var adaptivity = Adaptivity.AfterSwitches(outcomes, scenario, schedule, options.AdaptivityBinWidth);
            if (adaptivity.Count == 0) continue;
            Append(markdown, AdaptivitySection.Render(adaptivity, scenario));
            AppendPlot(markdown, plots, AdaptivityPlot.Draw(adaptivity, scenario, agents, folder, options), "Win rate after a switch");
        }

        foreach (var scenario in RateTable.Scenarios(outcomes))
            if (options.Patterns.TryGetValue(scenario, out int shown))
                Append(markdown, SequenceSection.Render(outcomes.Where(o => o.Scenario == scenario).ToArray(), scenario, shown));

        // Each grocery scenario apart: their distances between request and recall differ by design, so a pooled rate
        // would mix tasks of different difficulty in proportions set by how many rounds each was played.
        var held = ReferenceMemory(outcomes, folder, options.WindowReference);
        foreach (var scenario in RateTable.Scenarios(GroceryRecall.Matches(outcomes)))
        {
            var played = outcomes.Where(o => o.Scenario == scenario).ToArray();
            var byDistance = GroceryRecall.ByDistance(played, options.RecallBinWidth);
            Append(markdown, GrocerySection.Render(scenario, GroceryRecall.Scores(played), byDistance, GroceryRecall.ByWindow(played, held), options.WindowReference));
            var edge = GroceryRecall.Edge(played, held);
            AppendPlot(markdown, plots, RecallPlot.Draw(byDistance, edge, scenario, agents, folder, options), $"Grocery recall by distance against {scenario}");
        }

        if (options.Leaderboard.Select(e => e.Budget).Distinct().Count() > 1)
        {
            var pool = RatesSection.PresentPools(outcomes, options).FirstOrDefault();
            // The window reference is usually one of the baselines: its replays are read once.
            var baselineHeld = options.Leaderboard.Select(e => e.Baseline).Distinct()
                .ToDictionary(baseline => baseline, baseline => baseline == options.WindowReference ? held : ReferenceMemory(outcomes, folder, baseline));
            var rows = Leaderboard.Rank(outcomes, options.Leaderboard, pool.Scenarios ?? [], options.Switching, baselineHeld, options.BlockSize);
            Append(markdown, LeaderboardSection.Render(rows, pool.Name));
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

    /// <summary>Per grocery match of the reference agent whose replay is in <paramref name="folder"/>, which requests it still held at each recall.</summary>
    private static Dictionary<(string, ulong), IReadOnlyDictionary<long, bool>> ReferenceMemory(
        IReadOnlyList<MatchOutcome> outcomes, string folder, string? reference)
    {
        var held = new Dictionary<(string, ulong), IReadOnlyDictionary<long, bool>>();
        if (reference is null) return held;
        var grocery = GroceryRecall.Matches(outcomes.Where(o => o.Agent == reference)).Select(o => (o.Scenario, o.Seed)).ToHashSet();
        foreach (var (file, header) in ReplayFiles.WithHeaders(folder))
        {
            var match = (header.Match.Scenario, header.Match.Seed);
            if (header.Match.Agent.Name == reference && header.ModelHash is not null && grocery.Contains(match))
                held[match] = RequestMemory.AtRecalls(file);
        }
        return held;
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
