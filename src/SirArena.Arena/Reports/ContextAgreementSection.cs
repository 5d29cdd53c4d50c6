using SirArena.Arena.Replays;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>
/// The report's "does the model read its context" table, from an arena folder's replays: per language-model agent
/// Rock-Paper-Scissors scenario and seed (a deterministic player, a cycle, gives every seed the same rows), how
/// often it played what beats the most frequent move visible in its memory.
/// </summary>
public static class ContextAgreementSection
{
    public static IReadOnlyList<string> Lines(string folder)
    {
        var rows = new List<string>();
        foreach (var (file, header) in ReplayFiles.WithHeaders(folder))
        {
            if (header.ModelHash is null) continue;
            var agreement = ContextAgreement.Of(file);
            if (agreement.Trials == 0) continue;
            var (low, high) = agreement.WilsonInterval();
            rows.Add($"| {header.Match.Agent.Name} | {header.Match.Scenario} | {header.Match.Seed} | {Proportion.Percent(agreement.Value)} % ({Proportion.Percent(low)} % to {Proportion.Percent(high)} %) | {agreement.Trials} |");
        }
        if (rows.Count == 0) return [];
        return
        [
            "## Does the model read its context?",
            "",
            "Share of rounds in which the agent played what beats the opponent move seen most often among the tokens its",
            "memory held when it answered (only rounds where that move is unique; Wilson 95% intervals).",
            "",
            "| agent | scenario | seed | agrees with the visible counter | rounds counted |",
            "|---|---|---:|---:|---:|",
            .. rows,
            "",
        ];
    }
}
