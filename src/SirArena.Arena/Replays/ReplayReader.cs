using System.Text;
using System.Text.Json;

namespace SirArena.Arena.Replays;

/// <summary>
/// Reads a replay file (format: <see cref="ReplayHeader"/>): the header on opening, then the rounds as a lazy stream,
/// so a file of any length is read in constant memory. A last line that does not parse is a recording cut off by a
/// crash: the stream ends before it and <see cref="WasCutOff"/> says so. Any other bad line, a round out of order, or
/// a file that is not a replay of this version throws a <see cref="ReplayFormatException"/> naming the line.
/// </summary>
public sealed class ReplayReader : IDisposable
{
    readonly StreamReader reader;
    bool started;

    public string Path { get; }
    public ReplayHeader Header { get; }
    /// <summary>True once the rounds have been read to a cut-off last line (known only after reading to the end).</summary>
    public bool WasCutOff { get; private set; }
    /// <summary>The line that was cut off, when <see cref="WasCutOff"/>.</summary>
    public long? CutOffLine { get; private set; }

    ReplayReader(string path, StreamReader reader, ReplayHeader header)
    {
        Path = path;
        this.reader = reader;
        Header = header;
    }

    /// <summary>Opens a replay and reads its header.</summary>
    public static ReplayReader Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such replay file", path);
        // ReadWrite sharing: a replay may be read while its match is still being recorded (its last line then
        // reads as cut off, which it is, for now).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        try
        {
            return new ReplayReader(path, reader, ReadHeader(path, reader.ReadLine()));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The rounds after the header, in order; can be enumerated once per reader.</summary>
    public IEnumerable<ReplayRound> ReadRounds()
    {
        if (started) throw new InvalidOperationException($"{Path}: the rounds were already read; open the file again to read them twice");
        started = true;
        return Rounds();
    }

    IEnumerable<ReplayRound> Rounds()
    {
        long expected = Header.FirstRound, number = 2;
        for (var line = reader.ReadLine(); line is not null; number++)
        {
            // Looking one line ahead is what tells a cut-off last line from a corrupt one in the middle.
            var next = reader.ReadLine();
            var round = TryParseRound(line, out var error);
            if (round is null)
            {
                if (next is not null)
                    throw new ReplayFormatException(Path, number, $"expected a round record {{\"round\": n, \"result\": ..., \"trace\": ...}}; {error}");
                WasCutOff = true;
                CutOffLine = number;
                yield break;
            }
            if (round.Round != expected)
                throw new ReplayFormatException(Path, number, $"expected round {expected}, found round {round.Round}; rounds must follow each other without gaps");
            yield return round;
            expected++;
            line = next;
        }
    }

    internal static ReplayRound? TryParseRound(string line, out string error)
    {
        error = "";
        try
        {
            var round = JsonSerializer.Deserialize<ReplayRound>(line, ReplayJson.Options);
            if (round is null) error = "found null";
            return round;
        }
        catch (Exception e) when (IsBadRecord(e))
        {
            error = e.Message;
            return null;
        }
    }

    static ReplayHeader ReadHeader(string path, string? line)
    {
        const string Expected = "expected a replay header {\"format\": \"sirarena-replay\", \"version\": 1, ...}";
        if (string.IsNullOrWhiteSpace(line)) throw new ReplayFormatException(path, 1, $"{Expected}, but the line is empty");
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String
                || format.GetString() != ReplayHeader.FormatName)
                throw new ReplayFormatException(path, 1, $"{Expected}: this is not a SirArena replay");
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var v) || v < ReplayHeader.SurprisalOnlyVersion || v > ReplayHeader.CurrentVersion)
                throw new ReplayFormatException(path, 1,
                    $"the replay is written in format version {(root.TryGetProperty("version", out var given) ? given.ToString() : "(none)")}; " +
                    $"this build reads versions {ReplayHeader.SurprisalOnlyVersion} to {ReplayHeader.CurrentVersion}");
            return root.Deserialize<ReplayHeader>(ReplayJson.Options) ?? throw new JsonException("the header is null");
        }
        catch (Exception e) when (IsBadRecord(e))
        {
            throw new ReplayFormatException(path, 1, $"{Expected}; {e.Message} (a header cut off means the recording stopped before its first round)", e);
        }
    }

    /// <summary>
    /// What reading a line that is not a valid record throws: the serializer's own complaint, one about a type it
    /// cannot build from what the line says, or a record's constructor refusing the values the line holds.
    /// </summary>
    static bool IsBadRecord(Exception e) => e is JsonException or NotSupportedException or ArgumentException;

    public void Dispose() => reader.Dispose();
}
