using System.Globalization;
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

    /// <summary>
    /// A new chain for a single match, {folder}/{kind}-{utc time to the millisecond}-{scenario}-{agent}-s{seed}.jsonl,
    /// returned locked for its writer. The name is reserved by creating its lock file with CreateNew, so two runs that
    /// start in the same millisecond still get a name each: the later one takes the next millisecond.
    /// </summary>
    public static ChainLock NewChain(string folder, string kind, MatchSpec spec) => NewChain(folder, kind, spec, DateTime.UtcNow);

    /// <summary><see cref="NewChain(string, string, MatchSpec)"/> with the clock given.</summary>
    public static ChainLock NewChain(string folder, string kind, MatchSpec spec, DateTime utcNow)
    {
        Directory.CreateDirectory(folder);
        for (var time = utcNow; ; time = time.AddMilliseconds(1))
        {
            var path = Path.Combine(folder, $"{kind}-{time.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}-{Name(spec)}");
            if (!File.Exists(path) && ChainLock.TryCreateForChain(path) is { } reserved) return reserved;
        }
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
