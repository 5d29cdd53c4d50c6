using System.Buffers;
using System.Text.Json;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// Records one match to a new replay file (format: <see cref="ReplayHeader"/>). Append-only: the header is written
/// on creation, then one line per round; each line reaches the operating system before <see cref="Append"/>
/// returns, so a crash loses at most the round in flight, and <see cref="Dispose"/> forces the file to disk.
/// A line is serialised into one reused buffer and written with a single call, so a line is never half-buffered;
/// a write that fails is cut back off the file, so retrying it never leaves half a line behind.
/// </summary>
public sealed class ReplayWriter : IDisposable
{
    static readonly byte NewLine = (byte)'\n';

    readonly FileStream stream;
    readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    readonly Utf8JsonWriter json;
    long nextRound;
    bool disposed;

    public string Path { get; }
    public ReplayHeader Header { get; }
    /// <summary>Rounds appended so far.</summary>
    public long RoundsWritten { get; private set; }
    /// <summary>The file's length: every line written so far, the header included.</summary>
    public long Bytes => stream.Position;

    ReplayWriter(string path, FileStream stream, ReplayHeader header, long roundsWritten)
    {
        Path = path;
        this.stream = stream;
        Header = header;
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ReplayJson.Options.Encoder });
        RoundsWritten = roundsWritten;
        nextRound = header.FirstRound + roundsWritten;
        if (stream.Position == 0) WriteLine(header);
    }

    /// <summary>Creates <paramref name="path"/> (and its folder) and writes the header; an existing file is never overwritten.</summary>
    public static ReplayWriter Create(string path, ReplayHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new IOException($"{path} already exists, and a replay is never overwritten; choose another file name or move the old replay away.", e);
        }
        try
        {
            return new ReplayWriter(path, stream, header, roundsWritten: 0);
        }
        catch
        {
            // The header did not reach the file: leave no headless file behind to block a retry.
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Continues an existing replay from a checkpoint: cuts it back to its first <paramref name="bytes"/> bytes (the
    /// header and <paramref name="roundsWritten"/> rounds; anything after them is rounds the resumed match plays
    /// again) and appends from there. <paramref name="header"/> is the file's own, for its first round.
    /// </summary>
    public static ReplayWriter Reopen(string path, ReplayHeader header, long roundsWritten, long bytes)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            if (stream.Length < bytes)
                throw new InvalidDataException($"{path} holds {stream.Length} bytes, fewer than the {bytes} its checkpoint recorded; it was changed or cut after the checkpoint");
            stream.SetLength(bytes);
            stream.Position = bytes;
            return new ReplayWriter(path, stream, header, roundsWritten);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends the next round; rounds must come in order, none skipped.</summary>
    public void Append(ReplayRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (round.Round != nextRound)
            throw new InvalidOperationException($"{Path}: the next round to record is {nextRound}, not {round.Round}; a replay holds every round in order.");
        WriteLine(round);
        nextRound++;
        RoundsWritten++;
    }

    /// <summary>Appends the round <paramref name="agent"/> just played, with its memory trace if it has one.</summary>
    public void Append(RoundResult result, IAgent agent) => Append(ReplayRound.Of(result, agent));

    void WriteLine<T>(T record)
    {
        buffer.ResetWrittenCount();
        json.Reset();
        JsonSerializer.Serialize(json, record, ReplayJson.Options);
        json.Flush();
        buffer.GetSpan(1)[0] = NewLine;
        buffer.Advance(1);
        // The stream is unbuffered (bufferSize 0): this write is the line's one system call.
        long before = stream.Position;
        try
        {
            stream.Write(buffer.WrittenSpan);
        }
        catch
        {
            TryCutBack(before);
            throw;
        }
    }

    void TryCutBack(long length)
    {
        try
        {
            stream.SetLength(length);
            stream.Position = length;
        }
        catch (IOException)
        {
            // The disk refuses even that; the reader tolerates a cut-off last line, and a resume cuts back to its checkpoint.
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        json.Dispose();
        stream.Flush(flushToDisk: true);
        stream.Dispose();
    }
}
