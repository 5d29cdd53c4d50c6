using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Win, tie and loss rates per Rock-Paper-Scissors scenario, then per pool of scenarios the arena names.</summary>
internal static class RatesSection
{
    public static string Render(IReadOnlyList<MatchOutcome> rps, ReportOptions options)
    {
        var table = new MarkdownTable("Scenario", "Agent", "Rounds", "Win", "Tie", "Loss");
        foreach (var row in RateTable.PerScenario(rps)) Add(table, row);
        foreach (var (name, pooled) in PresentPools(rps, options))
            foreach (var row in RateTable.Pooled(rps, pooled, ReportOptions.PoolLabel(name))) Add(table, row);
        return new StringBuilder()
            .AppendLine("## Win, tie and loss rates")
            .AppendLine()
            .AppendLine("Percent of scored rounds, all seeds pooled, with 95% Wilson intervals (these treat rounds as independent; the paired differences below do not).")
            .AppendLine()
            .Append(table)
            .ToString();
    }

    /// <summary>Each pool's scenarios that were actually played, for the pools of which two or more were (one is no pool).</summary>
    public static IEnumerable<(string Name, string[] Scenarios)> PresentPools(IReadOnlyList<MatchOutcome> outcomes, ReportOptions options) =>
        options.Pools
            .Select(pool => (pool.Key, pool.Value.Where(s => outcomes.Any(o => o.Scenario == s)).Distinct().ToArray()))
            .Where(pool => pool.Item2.Length > 1);

    private static void Add(MarkdownTable table, AgentRates row) => table.Row(
        row.Scenario, row.Agent, Cells.Count(row.Rates.Scored),
        Cells.Rate(row.Rates.Wins), Cells.Rate(row.Rates.Ties), Cells.Rate(row.Rates.Losses));
}
