using System.Text.Json;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Tournament;

/// <summary>
/// The arena a run folder belongs to, written into the folder before its first match (arena-run.json): the options
/// with every path made absolute, and the command line that started the run. `arena --resume DIR` reads it back, so
/// the resumed run plays the very same matches and its report says how to reproduce the original.
/// </summary>
public sealed record ArenaRunFile(ArenaOptions Arena, string Command)
{
    public const string FileName = "arena-run.json";

    public static string PathIn(string folder) => Path.Combine(folder, FileName);

    public void Write(string folder)
    {
        var path = PathIn(folder);
        var partial = path + ".partial";
        File.WriteAllBytes(partial, JsonSerializer.SerializeToUtf8Bytes(this, Indented));
        File.Move(partial, path, overwrite: true);
    }

    public static ArenaRunFile Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"--resume {folder}: no such folder");
        var path = PathIn(folder);
        if (!File.Exists(path))
            throw new FileNotFoundException($"--resume {folder}: not an arena run folder: it has no {FileName}, which `sirarena arena` writes there when it starts", path);
        try
        {
            return JsonSerializer.Deserialize<ArenaRunFile>(File.ReadAllBytes(path), Indented) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a readable arena run description: {e.Message}", e);
        }
    }

    static readonly JsonSerializerOptions Indented = new(ReplayJson.Options) { WriteIndented = true };
}
