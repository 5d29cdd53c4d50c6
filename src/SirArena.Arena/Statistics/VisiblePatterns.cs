using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Scenarios;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Which scenarios' opponents follow a rule an agent can read (<see cref="IVisiblePattern"/>) and from which round
/// on, as their definitions state it, and an agent's win rate over the rounds after the rule has shown.
/// </summary>
public static class VisiblePatterns
{
    /// <summary>Per scenario among <paramref name="names"/> whose opponent follows a readable rule, the rounds it takes to show it.</summary>
    public static IReadOnlyDictionary<string, int> Of(ScenarioCatalog catalog, IEnumerable<string> names) =>
        ScenarioStrategies.Of<IVisiblePattern>(catalog, names).ToDictionary(p => p.Key, p => p.Value.RoundsToShow, StringComparer.Ordinal);

    /// <summary>Wins over the rounds from <paramref name="shown"/> on, all of the agent's matches pooled.</summary>
    public static Proportion WinsAfter(IEnumerable<MatchOutcome> matches, int shown)
    {
        var rounds = matches.SelectMany(m => m.Rounds).Where(r => r.Turn.Round >= shown).ToArray();
        return new Proportion(rounds.Count(r => r.Outcome == Outcome.Win), rounds.Length);
    }
}
