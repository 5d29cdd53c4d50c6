using System.Buffers;
using System.Text.Json;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// Records one match to a new replay file (format: <see cref="ReplayHeader"/>). Append-only: the header is written
/// on creation, then one line per round; each line reaches the operating system before <see cref="Append"/>
/// returns, so a crash loses at most the round in flight, and <see cref="Dispose"/> forces the file to disk.
/// A line is serialised into one reused buffer and written with a single call, so a line is never half-buffered.
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

    ReplayWriter(string path, FileStream stream, ReplayHeader header)
    {
        Path = path;
        this.stream = stream;
        Header = header;
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ReplayJson.Options.Encoder });
        nextRound = header.FirstRound;
        WriteLine(header);
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
            return new ReplayWriter(path, stream, header);
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
        stream.Write(buffer.WrittenSpan);
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
