using System.Text;
using System.Text.Json;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Tests.Support;

/// <summary>
/// One folder holding everything a bad-input case may touch: a copy of a tiny model, a copy of the scenarios, an
/// arena.json pointing at both, a replays/ folder with an earlier file in it, and a plain file to misuse as a
/// folder. A case spoils one thing, runs the CLI, and the whole folder is compared before and after.
/// </summary>
public sealed class BadInputSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sirarena-bad-" + Guid.NewGuid().ToString("N"));
    public string Model => Path.Combine(Root, "model");
    public string Scenarios => Path.Combine(Root, "scenarios");
    public string Config => Path.Combine(Root, "arena.json");
    public string Output => Path.Combine(Root, "replays");
    /// <summary>A regular file, for cases that pass a file where a folder is expected.</summary>
    public string PlainFile => Path.Combine(Root, "notes.txt");

    public BadInputSandbox(string modelTemplate)
    {
        Copy(modelTemplate, Model);
        Copy(ScenarioFolder.Locate(), Scenarios);
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "earlier.jsonl"), "{\"written\":\"by an earlier run\"}\n");
        File.WriteAllText(PlainFile, "not a folder, not a replay\n");
        WriteConfig(ArenaFolder.DefaultJson(Model, Scenarios));
    }

    public void WriteConfig(string json) => File.WriteAllText(Config, json);

    /// <summary>The default arena.json with <paramref name="from"/> replaced by <paramref name="to"/> (once).</summary>
    public void EditConfig(string from, string to)
    {
        var json = File.ReadAllText(Config);
        int at = json.IndexOf(from, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"arena.json has no \"{from}\" to replace");
        WriteConfig(json[..at] + to + json[(at + from.Length)..]);
    }

    /// <summary>Overwrites the first value of a float32 tensor in the model's safetensors file.</summary>
    public void Poison(string tensor, float value)
    {
        var path = Path.Combine(Model, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        long headerLength = BitConverter.ToInt64(bytes, 0);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength));
        var entry = header.RootElement.GetProperty(tensor);
        entry.GetProperty("dtype").GetString().Should().Be("F32");
        long start = 8 + headerLength + entry.GetProperty("data_offsets")[0].GetInt64();
        BitConverter.GetBytes(value).CopyTo(bytes, start);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Rewrites one key of the model's config.json.</summary>
    public void EditModelConfig(string key, object value)
    {
        var path = Path.Combine(Model, "config.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json[key] = System.Text.Json.Nodes.JsonValue.Create(value);
        File.WriteAllText(path, json.ToJsonString());
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
