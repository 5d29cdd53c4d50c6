using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Tests.Support;

/// <summary>A throw-away arena: a tiny model, an arena.json pointing at it and at the repository's scenarios,
/// and an output folder, all under one temp folder.</summary>
public sealed class ArenaFolder : IDisposable
{
    readonly TinyModelFolder model = new();

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sirarena-arena-" + Guid.NewGuid().ToString("N"));
    public string Config => System.IO.Path.Combine(Path, "arena.json");
    public string Output => System.IO.Path.Combine(Path, "replays");

    public ArenaFolder(string? arenaJson = null)
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(Config, arenaJson ?? DefaultJson(model.Path, ScenarioFolder.Locate()));
    }

    public static string DefaultJson(string model, string scenarios) => $$"""
        {
          "Arena": {
            "Model": "{{model.Replace("\\", "/")}}",
            "Scenarios": "{{scenarios.Replace("\\", "/")}}",
            "Output": "replays",
            "Rounds": 30,
            "Seeds": [ 3 ],
            "Opponents": [ "rock-biased", "switching" ],
            "Agents": [
              { "Name": "sir", "Kind": "llm", "Policy": "sir", "Budget": 200, "Eta": 0.9 },
              { "Name": "streaming", "Kind": "llm", "Policy": "streaming", "Budget": 200 },
              { "Name": "oracle", "Kind": "oracle" }
            ]
          }
        }
        """;

    public string[] Replays() => Directory.Exists(Output) ? Directory.GetFiles(Output, "*.jsonl", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        model.Dispose();
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
