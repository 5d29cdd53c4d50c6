using System.Globalization;
using System.Text;

namespace SirArena.Arena.Replays;

/// <summary>
/// A match's replay as one stream of rounds however many files it was rolled into ({stem}.jsonl, {stem}.part2.jsonl,
/// ...: <see cref="RollingReplayRecorder"/>). From any file of the chain the first is found by following each
/// header's <c>previous</c> back; from the first, each next file is the one whose header names the one before as
/// previous. Every file named as a part of the chain ({stem}.part{n}.jsonl) must be that link, so a part that is
/// missing or whose header does not read cannot make the chain end early unseen.
/// <para>
/// <see cref="Open"/> refuses any break with a <see cref="ReplayFormatException"/> naming the file: a previous file
/// that is missing, a part missing while a later part exists, a header that does not read, a file that does not
/// start at the round after the last round of the file before it (a gap or a repeat), two files continuing one, a
/// loop. <see cref="ReadRounds"/> refuses a bad line inside a file. Only the last file may be cut off: a crash loses
/// at most the round in flight. Opened with <c>prefix: true</c>, the chain stops at its first break instead and keeps
/// it in <see cref="Break"/>, so the rounds before it can still be read.
/// </para>
/// What no reader can see: a last file deleted whole, since nothing before it says it was continued.
/// </summary>
public sealed class ReplayChain
{
    readonly bool prefix;

    ReplayChain(IReadOnlyList<string> files, ReplayHeader header, bool prefix, ReplayFormatException? found)
    {
        Files = files;
        Header = header;
        this.prefix = prefix;
        Break = found;
    }

    /// <summary>The files, first to last (when opened for the prefix: up to the break).</summary>
    public IReadOnlyList<string> Files { get; }
    /// <summary>The first file's header: the match, its model and its eta.</summary>
    public ReplayHeader Header { get; }
    public bool WasCutOff { get; private set; }
    public long? CutOffLine { get; private set; }
    /// <summary>
    /// Opened for the prefix only: where and why the chain breaks, null while none has been met. A break between
    /// files is known on opening; a bad line inside a file once <see cref="ReadRounds"/> reaches it.
    /// </summary>
    public ReplayFormatException? Break { get; private set; }

    /// <summary>
    /// The chain <paramref name="anyFile"/> belongs to, every link checked. With <paramref name="prefix"/> a break
    /// after the first file ends the chain there instead of throwing; a break on the way back to the first file still
    /// throws, since no round 0 can be read then.
    /// </summary>
    public static ReplayChain Open(string anyFile, bool prefix = false)
    {
        var given = Path.GetFullPath(anyFile);
        var folder = Path.GetDirectoryName(given)!;
        var (first, header) = FirstFile(given, folder);
        var files = new List<string> { first };
        ReplayFormatException? found = null;
        try
        {
            Follow(files, header, folder);
        }
        catch (ReplayFormatException e) when (prefix)
        {
            found = e;
        }
        return new ReplayChain(files, header, prefix, found);
    }

    /// <summary>Every round of the chain, in order, in constant memory; can be enumerated once.</summary>
    public IEnumerable<ReplayRound> ReadRounds()
    {
        long expected = Header.FirstRound;
        for (int i = 0; i < Files.Count; i++)
        {
            using var reader = ReplayReader.Open(Files[i]);
            if (reader.Header.FirstRound != expected)
            {
                Stop(new ReplayFormatException(Files[i], 1,
                    $"it starts at round {reader.Header.FirstRound}, but the chain before it ends before round {expected}"));
                yield break;
            }
            using (var rounds = reader.ReadRounds().GetEnumerator())
            {
                while (true)
                {
                    try
                    {
                        if (!rounds.MoveNext()) break;
                    }
                    catch (ReplayFormatException e) when (prefix)
                    {
                        Break = e;
                        yield break;
                    }
                    expected = rounds.Current.Round + 1;
                    yield return rounds.Current;
                }
            }
            if (reader.WasCutOff && i < Files.Count - 1)
            {
                Stop(new ReplayFormatException(Files[i], reader.CutOffLine ?? 0,
                    $"its last line is cut off, but {Path.GetFileName(Files[i + 1])} continues it; only the last file of a chain may be cut off"));
                yield break;
            }
            WasCutOff = reader.WasCutOff;
            CutOffLine = reader.CutOffLine;
        }
    }

    /// <summary>
    /// The last whole round of the chain, read off the end of its last file without reading the rounds before it; one
    /// less than that file's first round when it holds none. A cut-off last line is passed over, as
    /// <see cref="ReadRounds"/> passes it over. Null when the end does not tell (a line before the last that is no
    /// round, or a chain opened for its prefix, whose break only reading finds): then only reading the rounds tells.
    /// </summary>
    public long? LastWholeRound()
    {
        if (prefix) return null;
        var path = Files[^1];
        long firstRound = HeaderOf(path).FirstRound;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long end = stream.Length;
        for (int line = 0; line < 2; line++) // the last line, and the one before it when the last is cut off
        {
            var (start, text) = LastLine(stream, end);
            if (start == 0) return firstRound - 1;
            if (ReplayReader.TryParseRound(text, out _) is { } round) return round.Round;
            end = start;
        }
        return null;
    }

    /// <summary>Throws <paramref name="problem"/>, or keeps it as the break when reading the prefix.</summary>
    void Stop(ReplayFormatException problem)
    {
        if (!prefix) throw problem;
        Break = problem;
    }

    /// <summary>The chain's first file, found by following each header's previous back from <paramref name="given"/>.</summary>
    static (string File, ReplayHeader Header) FirstFile(string given, string folder)
    {
        var current = given;
        var header = HeaderOf(current);
        var seen = new List<string> { current };
        while (header.Previous is { } previous)
        {
            if (previous.Length == 0 || Path.GetFileName(previous) != previous)
                throw new ReplayFormatException(current, 1, $"its previous, \"{previous}\", is not the name of a file beside it");
            var path = Path.Combine(folder, previous);
            if (!File.Exists(path))
                throw new ReplayFormatException(current, 1, $"it continues {previous}, which is missing from {folder}");
            if (seen.Contains(path))
                throw new ReplayFormatException(current, 1,
                    $"it continues {previous}, which the chain has already passed: the chain loops back on itself " +
                    $"({string.Join(" continues ", seen.Append(path).Select(Path.GetFileName))})");
            seen.Add(path);
            current = path;
            header = HeaderOf(current);
        }
        // Only the first file of a chain names no previous, and it starts the match; a later file whose link is
        // damaged would otherwise pass for the whole chain and hide the rounds before it.
        if (header.FirstRound != 0)
            throw new ReplayFormatException(current, 1, $"it starts at round {header.FirstRound} but names no previous file, so the rounds before it cannot be found");
        return (current, header);
    }

    /// <summary>
    /// Appends to <paramref name="files"/> (which holds the first file) each next file of the chain, checking every
    /// link; throws at the first break, leaving the files before it.
    /// </summary>
    static void Follow(List<string> files, ReplayHeader firstHeader, string folder)
    {
        var first = files[0];
        var headers = Directory.GetFiles(folder, "*" + ReplayFiles.Extension).Order(StringComparer.Ordinal).ToDictionary(f => f, TryHeaderOf);
        var continuing = headers.Where(h => h.Value.Header?.Previous is not null).ToLookup(h => h.Value.Header!.Previous!, h => h.Key);
        var parts = NumberedParts(first, headers.Keys);
        var (current, header) = (first, firstHeader);
        for (int n = 2; ; n++)
        {
            var name = Path.GetFileName(current);
            var next = continuing[name].ToArray();
            if (parts.TryGetValue(n, out var part) && !next.Contains(part))
                throw headers[part].Error is { } error
                    ? new ReplayFormatException(part, error.Line,
                        $"it is named as part {n} of the chain of {Path.GetFileName(first)}, but its header does not read: {error.Problem}", error)
                    : new ReplayFormatException(part, 1,
                        $"it is named as part {n} of the chain of {Path.GetFileName(first)}, but its header continues {headers[part].Header!.Previous ?? "no file"}, not {name}");
            if (next.Length > 1)
            {
                var intruder = next.First(f => f != part);
                var rival = next.First(f => f != intruder);
                throw new ReplayFormatException(intruder, 1, $"it continues {name}, which {Path.GetFileName(rival)} continues too; a chain cannot fork");
            }
            if (next.Length == 0)
            {
                if (parts.Keys.Where(k => k > n).Order().FirstOrDefault() is > 0 and var later)
                    throw new ReplayFormatException(parts[later], 1,
                        $"it is part {later} of the chain of {Path.GetFileName(first)}, but part {n}, " +
                        $"{Path.GetFileName(RollingReplayRecorder.PartPath(first, n))}, is missing");
                return;
            }
            var nextHeader = headers[next[0]].Header!;
            long last = LastRound(current, header, next[0]);
            if (nextHeader.FirstRound != last + 1)
                throw new ReplayFormatException(next[0], 1, nextHeader.FirstRound > last + 1
                    ? $"it starts at round {nextHeader.FirstRound}, but {name} before it ends at round {last}: rounds {last + 1} to {nextHeader.FirstRound - 1} are missing"
                    : $"it starts at round {nextHeader.FirstRound}, but {name} before it already holds the rounds up to {last}: rounds would repeat");
            files.Add(next[0]);
            (current, header) = (next[0], nextHeader);
        }
    }

    /// <summary>The files among <paramref name="files"/> named {stem}.part{n}.jsonl after <paramref name="first"/>, by n.</summary>
    static Dictionary<int, string> NumberedParts(string first, IEnumerable<string> files)
    {
        var prefix = Path.GetFileNameWithoutExtension(first) + ".part";
        var parts = new Dictionary<int, string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(ReplayFiles.Extension, StringComparison.Ordinal)) continue;
            var number = name[prefix.Length..^ReplayFiles.Extension.Length];
            if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 2
                && RollingReplayRecorder.PartPath(first, n) == file)
                parts[n] = file;
        }
        return parts;
    }

    /// <summary>
    /// The round <paramref name="path"/> ends with, read off its last line (the round before its first when it holds
    /// none); a last line that is not a whole round is refused, since <paramref name="next"/> continues the file.
    /// </summary>
    static long LastRound(string path, ReplayHeader header, string next)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var (start, line) = LastLine(stream, stream.Length);
        if (start == 0) return header.FirstRound - 1;
        if (ReplayReader.TryParseRound(line, out _) is { } round) return round.Round;
        throw new ReplayFormatException(path, LinesBefore(stream, start) + 1,
            $"its last line is not a whole round record, but {Path.GetFileName(next)} continues it; only the last file of a chain may be cut off");
    }

    /// <summary>Where the last line before <paramref name="end"/> (without its newline) starts, and its text; read
    /// backwards in blocks.</summary>
    static (long Start, string Text) LastLine(FileStream stream, long end)
    {
        var bytes = new List<byte[]>();
        var block = new byte[64 * 1024];
        long position = end;
        bool first = true;
        while (position > 0)
        {
            int size = (int)Math.Min(block.Length, position);
            position -= size;
            stream.Position = position;
            stream.ReadExactly(block, 0, size);
            int limit = size;
            if (first && block[size - 1] == '\n') limit--; // the newline that ends the last line
            first = false;
            int at = Array.LastIndexOf(block, (byte)'\n', Math.Max(limit - 1, 0), limit);
            if (limit > 0 && at >= 0)
            {
                bytes.Insert(0, block[(at + 1)..limit]);
                return (position + at + 1, Decode(bytes));
            }
            bytes.Insert(0, block[..limit]);
        }
        return (0, Decode(bytes));
    }

    static string Decode(List<byte[]> parts) => new UTF8Encoding(false).GetString(parts.SelectMany(p => p).ToArray());

    static long LinesBefore(FileStream stream, long offset)
    {
        stream.Position = 0;
        long lines = 0;
        var block = new byte[64 * 1024];
        for (long read = 0; read < offset;)
        {
            int n = stream.Read(block, 0, (int)Math.Min(block.Length, offset - read));
            if (n == 0) break;
            lines += block.AsSpan(0, n).Count((byte)'\n');
            read += n;
        }
        return lines;
    }

    static ReplayHeader HeaderOf(string path)
    {
        using var reader = ReplayReader.Open(path);
        return reader.Header;
    }

    static (ReplayHeader? Header, ReplayFormatException? Error) TryHeaderOf(string path)
    {
        try
        {
            return (HeaderOf(path), null);
        }
        catch (ReplayFormatException e)
        {
            return (null, e); // not a replay; a break only if its name makes it a part of the chain
        }
        catch (IOException e)
        {
            return (null, new ReplayFormatException(path, 1, $"it cannot be read ({e.Message})", e));
        }
    }
}
