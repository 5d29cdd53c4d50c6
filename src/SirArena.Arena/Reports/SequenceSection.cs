using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Win rate against a player with a readable rule, over the rounds after the rule has shown twice over.</summary>
internal static class SequenceSection
{
    public static string Render(IReadOnlyList<MatchOutcome> outcomes, string scenario, int shown)
    {
        if (outcomes.Count == 0) return "";
        var table = new MarkdownTable(["Agent", "Rounds", "Win rate (95% CI)"]);
        foreach (var agent in outcomes.GroupBy(o => o.Agent))
        {
            var wins = VisiblePatterns.WinsAfter(agent, shown);
            table.Row([agent.Key, Cells.Count(wins.Trials), Cells.Rate(wins)]);
        }
        return new StringBuilder()
            .AppendLine(Cells.Invariant($"## Following the rule ({scenario})"))
            .AppendLine()
            .AppendLine(Cells.Invariant($"Win rate from round {shown} on, once the opponent's rule has been played twice over (two full periods of a cycle, two replies), with 95% Wilson intervals."))
            .AppendLine()
            .Append(table)
            .ToString();
    }
}
