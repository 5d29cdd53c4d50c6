using System.Buffers.Binary;
using System.Text.Json;
using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// Writes a safetensors file (https://github.com/huggingface/safetensors) the way the reference
/// writer does: <c>__metadata__</c> first, tensors in name order, data packed back to back, and the
/// header padded with spaces to a multiple of 8 bytes so that the data starts 8-byte aligned.
/// </summary>
public static class SafeTensorsWriter
{
    /// <summary>
    /// Writes <paramref name="tensors"/>, converted to <paramref name="storeAs"/> (float32, float16 or
    /// bfloat16), to <paramref name="path"/>. The file appears whole or not at all: it is written
    /// beside the target and moved into place.
    /// </summary>
    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> tensors, ScalarType storeAs,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var dtype = SafeTensorsDtype.FromScalarType(storeAs);
        var sorted = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        CheckNames(sorted);
        byte[] header = Header(sorted, dtype, metadata);

        string partial = path + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                Span<byte> prefix = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
                stream.Write(prefix);
                stream.Write(header);
                foreach (var (_, tensor) in sorted) WriteData(stream, tensor, storeAs);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    static void CheckNames(List<(string Name, Tensor Tensor)> sorted)
    {
        for (int i = 0; i < sorted.Count; i++)
        {
            string name = sorted[i].Name;
            if (string.IsNullOrEmpty(name) || name == "__metadata__")
                throw new ArgumentException($"\"{name}\" cannot name a tensor in a safetensors file", "tensors");
            if (i > 0 && sorted[i - 1].Name == name)
                throw new ArgumentException($"tensor {name} is given twice", "tensors");
        }
    }

    static byte[] Header(List<(string Name, Tensor Tensor)> sorted, SafeTensorsDtype dtype,
        IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal)) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in sorted)
            {
                long end = offset + tensor.numel() * dtype.Size;
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype.Name);
                json.WriteStartArray("shape");
                foreach (long d in tensor.shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        int padding = (int)(-buffer.Length & 7);
        for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    static void WriteData(Stream stream, Tensor tensor, ScalarType storeAs)
    {
        using var scope = NewDisposeScope();
        var stored = tensor.detach().to(storeAs).cpu().contiguous();
        foreach (var chunk in TensorBytes.Chunks(stored))
            using (chunk)
                stream.Write(chunk.bytes);
    }
}
