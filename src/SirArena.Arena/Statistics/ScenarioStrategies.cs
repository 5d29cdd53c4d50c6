using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Statistics;

/// <summary>The opponents' strategies that have a property a report measures, found from the scenario definitions.</summary>
public static class ScenarioStrategies
{
    /// <summary>Per scenario among <paramref name="names"/> whose opponent's strategy is a <typeparamref name="T"/>, that strategy, in the order given.</summary>
    public static IReadOnlyDictionary<string, T> Of<T>(ScenarioCatalog catalog, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(names);
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal))
            if (catalog.Contains(name) && catalog.Get(name) is RpsScenarioDefinition { Strategy: T strategy })
                found[name] = strategy;
        return found;
    }
}
