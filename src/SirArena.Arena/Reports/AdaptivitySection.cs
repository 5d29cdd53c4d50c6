using System.Text;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>Win rate by rounds since the switching player's last switch, one column per agent.</summary>
internal static class AdaptivitySection
{
    public static string Render(IReadOnlyList<AdaptivityBin> bins, string scenario)
    {
        if (bins.Count == 0) return "";
        var agents = bins.Select(b => b.Agent).Distinct().ToArray();
        var table = new MarkdownTable(["Rounds since switch", "Rounds per agent", .. agents]);
        foreach (var range in bins.GroupBy(b => (b.From, b.To)))
            table.Row([Cells.Invariant($"{range.Key.From}-{range.Key.To}"), Cells.Count(range.First().Wins.Trials), .. agents.Select(a => Cells.Rate(range.Single(b => b.Agent == a).Wins))]);
        return new StringBuilder()
            .AppendLine(Cells.Invariant($"## Adaptivity after switches ({scenario})"))
            .AppendLine()
            .Append("Win rate in the rounds after each change of the opponent's favourite, all switches and seeds pooled, ")
            .AppendLine("with 95% Wilson intervals. Rounds before the first switch are left out.")
            .AppendLine()
            .Append(table)
            .ToString();
    }
}
