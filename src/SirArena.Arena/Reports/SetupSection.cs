using System.Text;

namespace SirArena.Arena.Reports;

/// <summary>The report's first section: how to reproduce it and who played.</summary>
internal static class SetupSection
{
    public static string Render(ArenaDescription arena)
    {
        var agents = new MarkdownTable("Agent", "Policy", "Budget", "Eta");
        foreach (var agent in arena.Agents) agents.Row(agent.Name, agent.Policy, agent.Budget, agent.Eta);
        return new StringBuilder()
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
