using SirArena.Simulation.Scenarios;

namespace SirArena.Simulation.Tests.Support;

/// <summary>The repository's scenarios/ folder, loaded once: tests check the shipped files themselves.</summary>
internal static class Shipped
{
    private static readonly Lazy<ScenarioCatalog> LazyCatalog = new(ScenarioCatalog.LoadDefault);

    public static ScenarioCatalog Catalog => LazyCatalog.Value;

    public static RpsScenarioDefinition Rps(string name) => (RpsScenarioDefinition)Catalog.Get(name);
}
