using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>The leaderboard: every language-model agent at every budget, each difference against the baseline policy
/// at its own budget (see <see cref="Leaderboard"/>).</summary>
internal static class LeaderboardSection
{
    public static string Render(IReadOnlyList<LeaderboardRow> rows, string? pool)
    {
        if (rows.Count == 0) return "";
        var grocery = rows.SelectMany(r => r.Grocery.Select(g => g.Scenario)).Distinct().ToArray();
        string[] headers =
        [
            "Budget", "Agent", "Policy",
            pool is null ? "Win" : $"Win, {ReportOptions.PoolLabel(pool)}", "- baseline",
            $"Win, rounds 0-{Leaderboard.AfterSwitchRounds - 1} after a switch", "- baseline",
            .. grocery.SelectMany(g => new[] { $"Recall beyond the window ({g})", "- baseline" }),
        ];
        var table = new MarkdownTable(headers);
        foreach (var row in rows.OrderBy(r => r.Entry.Budget))
        {
            bool baseline = row.Entry.Agent == row.Entry.Baseline;
            string Difference(MeanInterval d) => baseline ? "baseline" : d.Units == 0 ? "-" : Cells.Points(d);
            var cells = new List<string>
            {
                Cells.Count(row.Entry.Budget), row.Entry.Agent, row.Entry.Policy,
                row.Pooled is { } p ? Cells.Percent(p.WinRateA) : "-", row.Pooled is { } q ? Difference(q.Difference) : "-",
                Cells.Rate(row.AfterSwitches), Difference(row.AfterSwitchesDifference),
            };
            foreach (var scenario in grocery)
            {
                var match = row.Grocery.FirstOrDefault(g => g.Scenario == scenario);
                cells.Add(match.Scenario is null ? "-" : Cells.Rate(match.Beyond));
                cells.Add(match.Scenario is null ? "-" : Difference(match.Difference));
            }
            table.Row([.. cells]);
        }
        return new StringBuilder()
            .AppendLine("## Leaderboard")
            .AppendLine()
            .Append("Each language-model agent against the baseline policy's agent at the same budget, on the same opponent draws. ")
            .Append("Pooled win: paired difference with batch means. After a switch: each switch of every switching player is one unit ")
            .Append("of the interval. Recall beyond the window: the recalls whose request the same-budget baseline no longer held, ")
            .AppendLine("each recall one unit. Intervals are 95%.")
            .AppendLine()
            .Append(table)
            .ToString();
    }
}
