using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// Reads and checks a safetensors header (https://github.com/huggingface/safetensors, "Format"):
/// a little-endian u64 length N, then N bytes of JSON mapping each tensor name to its dtype, shape
/// and <c>data_offsets</c>, plus an optional <c>__metadata__</c> map of strings. Like the reference
/// reader it insists that the tensors tile the data exactly: no gaps, no overlaps, nothing after.
/// </summary>
internal sealed class SafeTensorsHeader
{
    /// <summary>The reference reader's limit; a larger length means a corrupt file or not a safetensors file.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    public required IReadOnlyList<SafeTensorInfo> Tensors { get; init; }
    /// <summary>File offset of the first data byte, which every <c>data_offsets</c> counts from.</summary>
    public required long DataStart { get; init; }

    public static SafeTensorsHeader Read(SafeFileHandle file, string path)
    {
        long fileLength = RandomAccess.GetLength(file);
        if (fileLength < 8)
            throw Fail(path, $"the file is {fileLength} bytes, too short for the 8-byte header length; it is truncated or not a safetensors file");
        Span<byte> prefix = stackalloc byte[8];
        RandomAccess.Read(file, prefix, 0);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes)
            throw Fail(path, $"the header length {headerLength} is absurd (the limit is {MaxHeaderBytes} bytes); the file is corrupt or not a safetensors file");
        if ((long)headerLength > fileLength - 8)
            throw Fail(path, $"the header length {headerLength} runs past the end of the {fileLength}-byte file; the file is truncated");

        var json = new byte[headerLength];
        RandomAccess.Read(file, json, 8);
        long dataStart = 8 + (long)headerLength;
        var (metadata, tensors) = Parse(json, path);
        CheckTiling(tensors, fileLength - dataStart, path);
        return new SafeTensorsHeader { Metadata = metadata, Tensors = tensors, DataStart = dataStart };
    }

    static (Dictionary<string, string>, List<SafeTensorInfo>) Parse(byte[] json, string path)
    {
        // The JSON reader takes the bytes of a string on trust until the string is read, and then throws its own
        // exception; the format says UTF-8, so anything else is refused here, before parsing.
        for (int i = 0; i < json.Length;)
        {
            if (Rune.DecodeFromUtf8(json.AsSpan(i), out _, out int length) != OperationStatus.Done)
                throw Fail(path, $"the header is not valid UTF-8 at byte {8 + i} of the file; the file is corrupt or not a safetensors file");
            i += length;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Fail(path, $"the header is not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Fail(path, "the header is not a JSON object of tensor entries");
            var metadata = new Dictionary<string, string>();
            var tensors = new List<SafeTensorInfo>();
            var seen = new HashSet<string>();
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(entry.Name)) throw Fail(path, $"the header lists {entry.Name} twice");
                if (entry.Name == "__metadata__") ParseMetadata(entry.Value, metadata, path);
                else tensors.Add(ParseTensor(entry.Name, entry.Value, path));
            }
            return (metadata, tensors);
        }
    }

    static void ParseMetadata(JsonElement value, Dictionary<string, string> into, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Fail(path, "__metadata__ is not a JSON object");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw Fail(path, $"__metadata__ value {item.Name} is not a string");
            into[item.Name] = item.Value.GetString()!;
        }
    }

    static SafeTensorInfo ParseTensor(string name, JsonElement value, string path)
    {
        string where = $"tensor {name}";
        if (value.ValueKind != JsonValueKind.Object ||
            !value.TryGetProperty("dtype", out var dtypeJson) || dtypeJson.ValueKind != JsonValueKind.String ||
            !value.TryGetProperty("shape", out var shapeJson) ||
            !value.TryGetProperty("data_offsets", out var offsetsJson))
            throw Fail(path, $"{where}: the entry must be an object with dtype (a string), shape and data_offsets");
        string dtypeName = dtypeJson.GetString()!;
        var dtype = SafeTensorsDtype.FromName(dtypeName)
            ?? throw Fail(path, $"{where} has dtype \"{dtypeName}\", which is not a safetensors dtype");
        long[] shape = Integers(shapeJson, path, $"{where}: shape");
        long[] offsets = Integers(offsetsJson, path, $"{where}: data_offsets");
        if (offsets.Length != 2 || offsets[0] > offsets[1])
            throw Fail(path, $"{where}: data_offsets must be [begin, end] with begin <= end, got {SafeTensorInfo.Format(offsets)}");

        var info = new SafeTensorInfo(path, name, dtype, shape) { Begin = offsets[0], End = offsets[1] };
        long expected;
        try
        {
            expected = info.ByteCount;
            // A zero dimension makes a tensor empty, but the other dimensions still set its strides, which must fit
            // in 64 bits for the tensor to be made at all.
            _ = shape.Aggregate(1L, (n, d) => checked(n * Math.Max(d, 1)));
        }
        catch (OverflowException e)
        {
            throw Fail(path, $"{where}: shape {SafeTensorInfo.Format(shape)} is too large to be real", e);
        }
        if (info.End - info.Begin != expected)
            throw Fail(path, $"{where}: data_offsets {SafeTensorInfo.Format(offsets)} hold {info.End - info.Begin} bytes, " +
                             $"but {dtype} {SafeTensorInfo.Format(shape)} needs {expected}");
        return info;
    }

    static long[] Integers(JsonElement array, string path, string what)
    {
        if (array.ValueKind != JsonValueKind.Array) throw Fail(path, $"{what} is not a JSON array");
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out values[i]) || values[i] < 0)
                throw Fail(path, $"{what} must hold non-negative integers, found {item.GetRawText()}");
            i++;
        }
        return values;
    }

    /// <summary>The tensors, in offset order, must cover [0, dataLength) exactly once.</summary>
    static void CheckTiling(List<SafeTensorInfo> tensors, long dataLength, string path)
    {
        SafeTensorInfo? previous = null;
        long next = 0;
        foreach (var t in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (t.Begin < next)
                throw Fail(path, $"tensor {t.Name}: data_offsets [{t.Begin}, {t.End}] overlap tensor {previous!.Name} [{previous.Begin}, {previous.End}]");
            if (t.Begin > next)
                throw Fail(path, $"tensor {t.Name}: data_offsets [{t.Begin}, {t.End}] leave a gap of {t.Begin - next} bytes before it");
            if (t.End > dataLength)
                throw Fail(path, $"tensor {t.Name}: data_offsets [{t.Begin}, {t.End}] run past the {dataLength} bytes of data " +
                                 "after the header; the file is truncated");
            previous = t;
            next = t.End;
        }
        if (next < dataLength)
            throw Fail(path, $"{dataLength - next} bytes after the last tensor's data belong to no tensor in the header");
    }

    static CheckpointException Fail(string path, string what, Exception? inner = null) => new($"{path}: {what}", inner);
}
