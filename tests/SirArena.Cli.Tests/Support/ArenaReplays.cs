using System.Text.Json.Nodes;

namespace SirArena.Cli.Tests.Support;

/// <summary>The replays of an arena run, as two runs of one arena are compared: file by file, line by line.</summary>
public static class ArenaReplays
{
    /// <summary>Every replay under <paramref name="folder"/>, ordered by file name.</summary>
    public static string[] In(string folder) =>
        Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories).OrderBy(Path.GetFileName, StringComparer.Ordinal).ToArray();

    /// <summary>A replay's lines with the header's creation time left out: the one thing two plays of a match may differ in.</summary>
    public static string[] WithoutTimestamp(string replay)
    {
        var lines = File.ReadAllLines(replay);
        var header = JsonNode.Parse(lines[0])!.AsObject();
        header.Remove("createdUtc").Should().BeTrue();
        return [header.ToJsonString(), .. lines[1..]];
    }
}
