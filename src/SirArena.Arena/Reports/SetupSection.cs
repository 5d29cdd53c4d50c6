using System.Text;

namespace SirArena.Arena.Reports;

/// <summary>The report's first section: how to reproduce it and who played.</summary>
internal static class SetupSection
{
    public static string Render(ArenaDescription arena)
    {
        var agents = new MarkdownTable("Agent", "Policy", "Budget", "Eta");
        foreach (var agent in arena.Agents) agents.Row(agent.Name, agent.Policy, agent.Budget, agent.Eta);
        var text = new StringBuilder();
        if (arena.Failures.Count > 0)
        {
            text.AppendLine(Cells.Invariant($"**{arena.Failures.Count} matches failed** and are left out of every table below; `sirarena arena --resume` with this folder plays them again:")).AppendLine();
            foreach (var failure in arena.Failures) text.AppendLine($"- {failure}");
            text.AppendLine();
        }
        return text
            .AppendLine("## Setup")
            .AppendLine()
            .AppendLine("Reproduce with:")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(arena.Command)
            .AppendLine("```")
            .AppendLine()
            .AppendLine(Cells.Invariant($"{arena.Rounds} rounds per match; seeds {string.Join(", ", arena.Seeds)}. All agents of a scenario and seed met the same opponent draws."))
            .AppendLine()
            .Append(agents)
            .ToString();
    }
}
