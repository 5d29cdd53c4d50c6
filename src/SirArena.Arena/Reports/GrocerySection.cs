using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>The grocery task: recall and unrelated-question accuracy per agent, and recall by distance.</summary>
internal static class GrocerySection
{
    public static string Render(IReadOnlyList<GroceryScores> scores, IReadOnlyList<RecallBin> byDistance)
    {
        if (scores.Count == 0) return "";
        var summary = new MarkdownTable("Agent", "Recall", "Unrelated questions");
        foreach (var s in scores) summary.Row(s.Agent, Cells.Rate(s.Recall), Cells.Rate(s.Unrelated));

        var agents = scores.Select(s => s.Agent).ToArray();
        var distances = new MarkdownTable(["Questions between request and recall", "Recalls per agent", .. agents]);
        foreach (var range in byDistance.GroupBy(b => (b.From, b.To)).OrderBy(g => g.Key.From))
        {
            distances.Row([
                Cells.Invariant($"{range.Key.From}-{range.Key.To}"),
                Cells.Count(range.First().Correct.Trials),
                .. agents.Select(a => range.SingleOrDefault(b => b.Agent == a) is { } bin ? Cells.Rate(bin.Correct) : "n/a"),
            ]);
        }
        return new StringBuilder()
            .AppendLine("## Grocery recall")
            .AppendLine()
            .AppendLine("Accuracy with 95% Wilson intervals, all grocery scenarios and seeds pooled.")
            .AppendLine()
            .Append(summary)
            .AppendLine()
            .AppendLine("Recall by distance:")
            .AppendLine()
            .Append(distances)
            .ToString();
    }
}
