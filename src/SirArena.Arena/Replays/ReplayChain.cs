namespace SirArena.Arena.Replays;

/// <summary>
/// A match's replay as one stream of rounds however many files it was rolled into: from any file of the chain, the
/// first is found by following each header's <c>previous</c> back, and the next by looking in the same folder for
/// the file whose header names the current one as previous. A single file is a chain of one. The rounds must run on
/// without gap or repeat from one file to the next; only the last file may be cut off.
/// </summary>
public sealed class ReplayChain
{
    ReplayChain(IReadOnlyList<string> files, ReplayHeader header)
    {
        Files = files;
        Header = header;
    }

    /// <summary>The files, first to last.</summary>
    public IReadOnlyList<string> Files { get; }
    /// <summary>The first file's header: the match, its model and its eta.</summary>
    public ReplayHeader Header { get; }
    public bool WasCutOff { get; private set; }
    public long? CutOffLine { get; private set; }

    public static ReplayChain Open(string anyFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(anyFile))!;
        var first = Path.GetFullPath(anyFile);
        var header = HeaderOf(first);
        var seen = new HashSet<string> { first };
        while (header.Previous is { } previous)
        {
            var path = Path.Combine(folder, previous);
            if (!File.Exists(path)) throw new FileNotFoundException($"{first}: continues {previous}, which is not in {folder}", path);
            if (!seen.Add(path)) throw new InvalidDataException($"{path}: the replay chain loops back on itself");
            first = path;
            header = HeaderOf(first);
        }

        var files = new List<string> { first };
        var byPrevious = Directory.GetFiles(folder, "*" + ReplayFiles.Extension)
            .Select(f => (File: f, Header: TryHeaderOf(f)))
            .Where(f => f.Header?.Previous is not null)
            .ToLookup(f => f.Header!.Previous!, f => f.File);
        while (byPrevious[Path.GetFileName(files[^1])].ToArray() is { Length: > 0 } next)
        {
            if (next.Length > 1) throw new InvalidDataException($"{folder}: {string.Join(" and ", next)} both continue {files[^1]}");
            if (files.Contains(next[0])) throw new InvalidDataException($"{next[0]}: the replay chain loops back on itself");
            files.Add(next[0]);
        }
        return new ReplayChain(files, header);
    }

    /// <summary>Every round of the chain, in order, in constant memory.</summary>
    public IEnumerable<ReplayRound> ReadRounds()
    {
        long expected = Header.FirstRound;
        for (int i = 0; i < Files.Count; i++)
        {
            using var reader = ReplayReader.Open(Files[i]);
            if (reader.Header.FirstRound != expected)
                throw new ReplayFormatException(Files[i], 1, $"it starts at round {reader.Header.FirstRound}, but the chain before it ends before round {expected}");
            foreach (var round in reader.ReadRounds())
            {
                expected = round.Round + 1;
                yield return round;
            }
            if (reader.WasCutOff && i < Files.Count - 1)
                throw new ReplayFormatException(Files[i], reader.CutOffLine ?? 0, "only the last file of a chain may be cut off");
            WasCutOff = reader.WasCutOff;
            CutOffLine = reader.CutOffLine;
        }
    }

    static ReplayHeader HeaderOf(string path)
    {
        using var reader = ReplayReader.Open(path);
        return reader.Header;
    }

    static ReplayHeader? TryHeaderOf(string path)
    {
        try
        {
            return HeaderOf(path);
        }
        catch (Exception e) when (e is ReplayFormatException or IOException)
        {
            return null; // not a replay of this format: not part of any chain
        }
    }
}
