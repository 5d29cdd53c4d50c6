namespace SirArena.Arena.Statistics;

/// <summary>
/// Rates per agent and scenario (all seeds of a pair pooled), and per agent pooled over a set of scenarios such as
/// the three biased players. Rows keep the order in which scenarios and agents first appear in the arena's results.
/// </summary>
public static class RateTable
{
    public static IReadOnlyList<AgentRates> PerScenario(IReadOnlyList<MatchOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return Scenarios(outcomes)
            .SelectMany(scenario => Agents(outcomes).Select(agent => Row(outcomes, agent, scenario, [scenario])))
            .OfType<AgentRates>()
            .ToArray();
    }

    /// <summary>Each agent's rates over all its rounds on <paramref name="scenarios"/>, labelled <paramref name="label"/>.</summary>
    public static IReadOnlyList<AgentRates> Pooled(IReadOnlyList<MatchOutcome> outcomes, IReadOnlyCollection<string> scenarios, string label)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(scenarios);
        return Agents(outcomes).Select(agent => Row(outcomes, agent, label, scenarios)).OfType<AgentRates>().ToArray();
    }

    /// <summary>Agent names in order of first appearance.</summary>
    public static IReadOnlyList<string> Agents(IEnumerable<MatchOutcome> outcomes) =>
        outcomes.Select(o => o.Agent).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Scenario names in order of first appearance.</summary>
    public static IReadOnlyList<string> Scenarios(IEnumerable<MatchOutcome> outcomes) =>
        outcomes.Select(o => o.Scenario).Distinct(StringComparer.Ordinal).ToArray();

    private static AgentRates? Row(IReadOnlyList<MatchOutcome> outcomes, string agent, string label, IReadOnlyCollection<string> scenarios)
    {
        var matches = outcomes.Where(o => o.Agent == agent && scenarios.Contains(o.Scenario)).ToArray();
        return matches.Length == 0
            ? null
            : new AgentRates(agent, label, matches.Length, OutcomeRates.Of(matches.SelectMany(m => m.Rounds)));
    }
}
