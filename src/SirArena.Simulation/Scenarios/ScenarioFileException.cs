namespace SirArena.Simulation.Scenarios;

/// <summary>
/// A scenario file that cannot be used, with where and why: the file, the JSON path of the offending value
/// ("$.probabilities.rock") and what was expected. The message is written for the person editing the file.
/// </summary>
public sealed class ScenarioFileException : Exception
{
    public ScenarioFileException(string filePath, string jsonPath, string problem, Exception? inner = null)
        : base($"{filePath}: at {jsonPath}: {problem}", inner)
    {
        FilePath = filePath;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public string FilePath { get; }
    public string JsonPath { get; }
    public string Problem { get; }
}

/// <summary>A scenario name that no file defines; the message lists the names that exist.</summary>
public sealed class UnknownScenarioException(string name, IEnumerable<string> known, string folder)
    : Exception($"Unknown scenario '{name}'. Known: {string.Join(", ", known)} (one per .json file in {folder}).")
{
    public string Name { get; } = name;
}
