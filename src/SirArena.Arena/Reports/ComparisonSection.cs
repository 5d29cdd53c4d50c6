using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>
/// The paired differences of win rates (A minus B) the options ask for: per scenario both played, then pooled over
/// each pool the arena names, each with its batch-means 95% interval and the share of B's gap to the oracle that A closed.
/// </summary>
internal static class ComparisonSection
{
    public static string Render(IReadOnlyList<MatchOutcome> rps, ReportOptions options)
    {
        var table = new MarkdownTable("Scenarios", "A - B", "Rounds", "Blocks x rounds", "Win A", "Win B", "A - B [95% CI]", "Oracle", "Gap closed [95% CI]");
        var pools = RatesSection.PresentPools(rps, options).ToArray();
        foreach (var pair in options.Comparisons)
        {
            foreach (var scenario in RateTable.Scenarios(rps))
                Add(table, pair, scenario, Compare(rps, pair, [scenario], options));
            foreach (var (name, pooled) in pools)
                Add(table, pair, ReportOptions.PoolLabel(name), Compare(rps, pair, pooled, options));
        }
        if (table.RowCount == 0) return "";
        return new StringBuilder()
            .AppendLine("## Paired differences")
            .AppendLine()
            .Append("Win rate of A minus that of B on the same opponent draws. The 95% interval comes from batch means: ")
            .Append("per-round differences averaged in consecutive blocks of rounds, a Student-t interval over the block means, ")
            .Append("so the serial correlation of an agent's rounds is respected. Gap closed = (A - B) / (oracle - B), its interval ")
            .AppendLine("from the same blocks by the delta method (the ratio's linearisation).")
            .AppendLine()
            .Append(table)
            .ToString();
    }

    private static PairedComparison? Compare(IReadOnlyList<MatchOutcome> rps, AgentPair pair, IReadOnlyCollection<string> scenarios, ReportOptions options) =>
        PairedDifference.Compare(rps, pair.A, pair.B, scenarios, options.Oracle, options.BlockSize);

    private static void Add(MarkdownTable table, AgentPair pair, string label, PairedComparison? c)
    {
        if (c is null) return;
        table.Row(
            label, $"{pair.A} - {pair.B}", Cells.Count(c.Rounds),
            Cells.Invariant($"{c.Difference.Units} x {c.BlockSize}"),
            Cells.Percent(c.WinRateA), Cells.Percent(c.WinRateB), Cells.Points(c.Difference),
            Cells.Percent(c.OracleWinRate), pair.ShareOfGap ? Cells.Percent(c.GapClosed) : "-");
    }
}
