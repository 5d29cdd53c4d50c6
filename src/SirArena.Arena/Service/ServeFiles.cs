using System.Globalization;
using SirArena.Arena.Checkpoints;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Service;

/// <summary>
/// How a served match's files are named in the serve folder: each chain is serve-{utc start}-{match}.jsonl (then
/// .part2.jsonl, ...) with its checkpoint serve-{utc start}-{match}.checkpoint beside it. A match resumes from the
/// newest chain's checkpoint; a refused one stays where it is and the match starts a chain of its own.
/// </summary>
public static class ServeFiles
{
    const string Prefix = "serve-";
    const string TimeFormat = "yyyyMMdd-HHmmss-fff";

    /// <summary>{scenario}-{agent}-s{seed}, the part of every file name that says which match it is.</summary>
    public static string MatchKey(MatchSpec spec) => Path.GetFileNameWithoutExtension(ReplayFiles.Name(spec));

    public static string CheckpointOf(string chainPath) => Path.ChangeExtension(chainPath, CheckpointFile.Extension);

    /// <summary>
    /// The lock one served match's writer holds in <paramref name="folder"/> under `serve --cluster`, whatever chain it
    /// writes: serve-{match}.lock. Every silo reaches the folder, so the lock excludes a second writer on any of them.
    /// </summary>
    public static string LockOf(string folder, MatchSpec spec) => Path.Combine(folder, $"{Prefix}{MatchKey(spec)}{ChainLock.Extension}");

    /// <summary>The first file of the chain a checkpoint belongs to.</summary>
    public static string ChainOf(string checkpointPath) => Path.ChangeExtension(checkpointPath, ReplayFiles.Extension);

    /// <summary>The first file of a new chain, named for now and never the name of an existing one.</summary>
    public static string NewChain(string folder, MatchSpec spec)
    {
        Directory.CreateDirectory(folder);
        var time = DateTime.UtcNow;
        string path;
        while (File.Exists(path = Path.Combine(folder, $"{Prefix}{time.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{MatchKey(spec)}{ReplayFiles.Extension}"))
               || File.Exists(CheckpointOf(path)))
            time = time.AddMilliseconds(1);
        return path;
    }

    /// <summary>The newest chain's checkpoint of this match in <paramref name="folder"/>, or null when it has none.</summary>
    public static string? LatestCheckpoint(string folder, MatchSpec spec)
    {
        if (!Directory.Exists(folder)) return null;
        var suffix = $"-{MatchKey(spec)}{CheckpointFile.Extension}";
        return Directory.EnumerateFiles(folder, $"{Prefix}*{suffix}")
            .Where(f => IsStamp(Path.GetFileName(f)[Prefix.Length..^suffix.Length]))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
    }

    static bool IsStamp(string text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
