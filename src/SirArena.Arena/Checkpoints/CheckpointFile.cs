using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SirArena.Arena.Replays;
using SirArena.Llm.Memory;

namespace SirArena.Arena.Checkpoints;

/// <summary>
/// A match checkpoint on disk: the magic "SIRCKPT1", the header's length and the header as JSON
/// (<see cref="CheckpointHeader"/>), the state's length and the state (what <c>Match.SaveState</c> wrote: counters,
/// generators, the agent's cache tensors and scores), then the SHA-256 of everything before it. Written to a
/// temporary file, forced to disk and renamed over the old checkpoint, so a crash at any moment leaves either the
/// old checkpoint or the new one, whole; a write that fails removes its temporary file. Read back only if every
/// length and the checksum agree.
/// </summary>
public static class CheckpointFile
{
    public const string Extension = ".checkpoint";
    static readonly byte[] Magic = "SIRCKPT1"u8.ToArray();
    const int HashLength = 32;

    public static void Write(string path, CheckpointHeader header, Action<BinaryWriter> writeState)
    {
        var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, Encoding.UTF8, leaveOpen: true)) writeState(writer);
        var json = JsonSerializer.SerializeToUtf8Bytes(header, ReplayJson.Options);

        var content = new byte[Magic.Length + 4 + json.Length + 8 + state.Length + HashLength];
        var span = content.AsSpan();
        Magic.CopyTo(span);
        int at = Magic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], json.Length);
        json.CopyTo(span[(at += 4)..]);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at += json.Length)..], state.Length);
        state.GetBuffer().AsSpan(0, (int)state.Length).CopyTo(span[(at += 8)..]);
        at += (int)state.Length;
        SHA256.HashData(span[..at], span[at..]);

        var temporary = path + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // On a full disk a half-written temporary file is just what keeps the disk full.
            TryDelete(temporary);
            throw;
        }
    }

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write's own failure is the one to report.
        }
    }

    /// <summary>The header and the state bytes of <paramref name="path"/>, or a <see cref="CheckpointRefusedException"/> saying what is wrong.</summary>
    public static (CheckpointHeader Header, byte[] State) Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new CheckpointRefusedException(path, $"cannot be read: {e.Message}", e);
        }
        var span = content.AsSpan();
        if (content.Length < Magic.Length + 4 + 8 + HashLength || !span[..Magic.Length].SequenceEqual(Magic))
            throw new CheckpointRefusedException(path, "is not a SirArena checkpoint (it does not start with SIRCKPT1)");
        int body = content.Length - HashLength;
        if (!SHA256.HashData(span[..body]).AsSpan().SequenceEqual(span[body..]))
            throw new CheckpointRefusedException(path, "its checksum does not match its content (the file is corrupt or was cut short)");

        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(span[Magic.Length..]);
        int at = Magic.Length + 4;
        if (jsonLength < 2 || at + jsonLength + 8 > body) throw new CheckpointRefusedException(path, $"its header length {jsonLength} does not fit the file");
        CheckpointHeader header;
        try
        {
            header = JsonSerializer.Deserialize<CheckpointHeader>(span.Slice(at, jsonLength), ReplayJson.Options)
                ?? throw new JsonException("the header is null");
        }
        catch (JsonException e)
        {
            throw new CheckpointRefusedException(path, $"its header is not valid: {e.Message}", e);
        }
        if (!header.IsReadable())
            throw new CheckpointRefusedException(path,
                $"format {header.Format} version {header.Version} (policy {header.Match?.Agent?.Policy}); this program reads " +
                $"{CheckpointHeader.FormatName} version {CheckpointHeader.CurrentVersion}, and version {CheckpointHeader.UnrotatedKeysVersion} of any policy but {AdaptiveSirMemory.PolicyName}");
        long stateLength = BinaryPrimitives.ReadInt64LittleEndian(span[(at += jsonLength)..]);
        at += 8;
        if (stateLength != body - at) throw new CheckpointRefusedException(path, $"its state should be {stateLength} bytes but {body - at} are there");
        return (header, span[at..body].ToArray());
    }
}
