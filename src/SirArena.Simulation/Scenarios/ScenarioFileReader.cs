namespace SirArena.Simulation.Scenarios;

/// <summary>Turns one scenario file into a validated <see cref="ScenarioDefinition"/>; the file's name is the scenario's.</summary>
public static class ScenarioFileReader
{
    public static IReadOnlyList<string> Kinds { get; } = [.. OpponentFileReader.Kinds, GroceryFileReader.Kind];

    public static ScenarioDefinition Read(string file)
    {
        var root = ScenarioJson.Load(file);
        var name = Path.GetFileNameWithoutExtension(file);
        var kindJson = root.Required("kind");
        var kind = kindJson.String();
        var description = root.Optional("description")?.String();
        if (kind == GroceryFileReader.Kind) return GroceryFileReader.Read(root, name, description);
        if (OpponentFileReader.Kinds.Contains(kind))
            return new RpsScenarioDefinition(name, file, description, OpponentFileReader.Read(root, kind));
        throw kindJson.Error($"unknown kind \"{kind}\"; expected one of: {string.Join(", ", Kinds)}.");
    }
}
