using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Win, tie and loss rates per Rock-Paper-Scissors scenario, then pooled over the biased players.</summary>
internal static class RatesSection
{
    public static string Render(IReadOnlyList<MatchOutcome> rps, ReportOptions options)
    {
        var table = new MarkdownTable("Scenario", "Agent", "Rounds", "Win", "Tie", "Loss");
        foreach (var row in RateTable.PerScenario(rps)) Add(table, row);
        var pooled = PresentPool(rps, options);
        if (pooled.Count > 1)
            foreach (var row in RateTable.Pooled(rps, pooled, options.PooledLabel)) Add(table, row);
        return new StringBuilder()
            .AppendLine("## Win, tie and loss rates")
            .AppendLine()
            .AppendLine("Percent of scored rounds, all seeds pooled, with 95% Wilson intervals (these treat rounds as independent; the paired differences below do not).")
            .AppendLine()
            .Append(table)
            .ToString();
    }

    /// <summary>The pooled scenarios that were actually played.</summary>
    public static IReadOnlyList<string> PresentPool(IReadOnlyList<MatchOutcome> outcomes, ReportOptions options) =>
        options.PooledScenarios.Where(s => outcomes.Any(o => o.Scenario == s)).ToArray();

    private static void Add(MarkdownTable table, AgentRates row) => table.Row(
        row.Scenario, row.Agent, Cells.Count(row.Rates.Scored),
        Cells.Rate(row.Rates.Wins), Cells.Rate(row.Rates.Ties), Cells.Rate(row.Rates.Losses));
}
