namespace SirArena.Simulation.Scenarios;

/// <summary>
/// The named scenarios of a folder: every top-level *.json file is one scenario, named by its file (rock-biased.json
/// is "rock-biased"), so a user adds an opponent by adding a file. All files are validated when the catalog loads;
/// the first bad one stops it with a <see cref="ScenarioFileException"/>. Subfolders (data/) hold shared data, not
/// scenarios.
/// </summary>
public sealed class ScenarioCatalog
{
    private readonly Dictionary<string, ScenarioDefinition> _byName;

    private ScenarioCatalog(string folder, Dictionary<string, ScenarioDefinition> byName)
    {
        Folder = folder;
        _byName = byName;
    }

    public string Folder { get; }

    /// <summary>The scenario names, sorted.</summary>
    public IReadOnlyList<string> Names => _byName.Keys.Order(StringComparer.Ordinal).ToArray();

    public static ScenarioCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The scenarios folder '{folder}' does not exist.");
        var byName = new Dictionary<string, ScenarioDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = ScenarioFileReader.Read(file);
            if (byName.TryGetValue(definition.Name, out var clash))
                throw new ScenarioFileException(file, "$", $"its name clashes with {clash.SourceFile} (names ignore case).");
            byName.Add(definition.Name, definition);
        }
        return new ScenarioCatalog(folder, byName);
    }

    /// <summary>The catalog of the repository's scenarios/ folder (see <see cref="ScenarioFolder"/>).</summary>
    public static ScenarioCatalog LoadDefault() => Load(ScenarioFolder.Locate());

    public bool Contains(string name) => _byName.ContainsKey(name);

    public ScenarioDefinition Get(string name) =>
        _byName.TryGetValue(name, out var definition) ? definition : throw new UnknownScenarioException(name, Names, Folder);

    /// <summary>A fresh scenario instance for one match.</summary>
    public Loop.IScenario Create(string name, ulong seed) => Get(name).Create(seed);
}
