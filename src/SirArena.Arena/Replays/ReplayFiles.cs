using SirArena.Arena.Matches;

namespace SirArena.Arena.Replays;

/// <summary>How replay files and arena run folders are named, so that nothing ever overwrites an earlier run.</summary>
public static class ReplayFiles
{
    public const string Extension = ".jsonl";

    /// <summary>Every replay file of <paramref name="folder"/> with its header, in ordinal order of the file names.</summary>
    public static IEnumerable<(string Path, ReplayHeader Header)> WithHeaders(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            ReplayHeader header;
            using (var reader = ReplayReader.Open(file)) header = reader.Header;
            yield return (file, header);
        }
    }

    /// <summary>{scenario}-{agent}-s{seed}.jsonl</summary>
    public static string Name(MatchSpec spec) => $"{spec.Scenario}-{Safe(spec.Agent.Name)}-s{spec.Seed}{Extension}";

    /// <summary>A new file for a single match: {folder}/{kind}-{utc time}-{scenario}-{agent}-s{seed}.jsonl.</summary>
    public static string NewPath(string folder, string kind, MatchSpec spec)
    {
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{kind}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Name(spec)}");
    }

    /// <summary>A new folder for an arena run: {folder}/arena-{utc time}.</summary>
    public static string NewRunFolder(string folder)
    {
        var path = Path.Combine(folder, $"arena-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        for (int i = 2; Directory.Exists(path); i++) path = Path.Combine(folder, $"arena-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{i}");
        Directory.CreateDirectory(path);
        return path;
    }

    static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
