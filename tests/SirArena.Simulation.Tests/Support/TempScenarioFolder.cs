namespace SirArena.Simulation.Tests.Support;

/// <summary>A throw-away scenarios folder for tests of malformed files; deleted on dispose.</summary>
internal sealed class TempScenarioFolder : IDisposable
{
    public TempScenarioFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sirarena-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string json)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
