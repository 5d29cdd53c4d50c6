using System.Text;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>One grocery scenario: recall and unrelated-question accuracy per agent, recall by distance, and recall by
/// whether the request was still in the reference agent's memory (StreamingLLM's window).</summary>
internal static class GrocerySection
{
    public static string Render(string scenario, IReadOnlyList<GroceryScores> scores, IReadOnlyList<RecallBin> byDistance,
        IReadOnlyList<RecallByWindow> byWindow, string? reference)
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
        var text = new StringBuilder()
            .AppendLine(Cells.Invariant($"## Grocery recall ({scenario})"))
            .AppendLine()
            .AppendLine("Accuracy with 95% Wilson intervals, all seeds pooled.")
            .AppendLine()
            .Append(summary)
            .AppendLine()
            .AppendLine("Recall by distance:")
            .AppendLine()
            .Append(distances);
        if (byWindow.Count == 0) return text.ToString();

        var window = new MarkdownTable("Agent", $"Request still in {reference}'s memory", $"Request beyond {reference}'s memory");
        foreach (var row in byWindow) window.Row(row.Agent, Counted(row.InWindow), Counted(row.Beyond));
        return text
            .AppendLine()
            .AppendLine(Cells.Invariant($"Recall by whether {reference} still held every token of the requested item when the recall came"))
            .AppendLine("(its window; the same recalls for every agent), with the number of recalls:")
            .AppendLine()
            .Append(window)
            .ToString();
    }

    static string Counted(Proportion p) => p.Trials == 0 ? "n/a" : Cells.Invariant($"{Cells.Rate(p)} of {p.Trials}");
}
