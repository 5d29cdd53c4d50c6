using System.Runtime.InteropServices;
using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// The key/value cache of one endless stream, keys and values of all layers in one buffer allocated once at the
/// budget's size, so a compaction is one gather and one copy however many layers there are. Positions are cache slots: after a compaction the kept tokens sit at 0..k-1 and new tokens continue at k
/// (the "position shift" of StreamingLLM and SirLLM). Keys are stored rotated and re-rotated by their shift once,
/// when they move, instead of being stored unrotated and rotated on every forward pass.
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly RotaryEmbedding rope;
    readonly Tensor buffer; // (2, layers, nkv, capacity, hd): [0] keys, [1] values
    readonly LayerCache[] layers;

    public IReadOnlyList<LayerCache> Layers => layers;

    /// <summary>The probe every layer's attention reports to during the next forward passes (null: none).</summary>
    public AttentionProbe? Probe
    {
        set
        {
            foreach (var layer in layers) layer.Probe = value;
        }
    }
    public int Length => layers[0].Length;
    public int Capacity { get; }

    public KvCache(LlamaConfig config, RotaryEmbedding rope, int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "cache capacity must be positive");
        this.rope = rope;
        Capacity = capacity;
        // On the rope tables' device, which is the model's: attention reads both in every layer.
        buffer = zeros([2, config.NumHiddenLayers, config.KeyValueHeads, capacity, config.HeadDim], device: rope.Device).DetachFromDisposeScope();
        layers = Enumerable.Range(0, config.NumHiddenLayers)
            .Select(i => new LayerCache(View(0, i), View(1, i)))
            .ToArray();
    }

    Tensor View(int part, int layer) => buffer[part, layer].unsqueeze(0).DetachFromDisposeScope();

    /// <summary>Keeps the given slots (sorted ascending, unique), in every layer at once.</summary>
    public void Compact(IReadOnlyList<int> keep)
    {
        // Slots before the first one that moves stay where they are: only the tail is gathered and re-rotated.
        int firstMoved = 0;
        while (firstMoved < keep.Count && keep[firstMoved] == firstMoved) firstMoved++;
        if (firstMoved < keep.Count)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            int moved = keep.Count - firstMoved;
            var oldSlots = tensor(keep.Skip(firstMoved).Select(s => (long)s).ToArray(), device: rope.Device);
            var shifts = tensor(keep.Skip(firstMoved).Select((s, i) => (long)(firstMoved + i - s)).ToArray(), device: rope.Device); // new slot - old slot, < 0
            var (cos, sin) = rope.ShiftAngles(shifts);
            var kept = buffer.narrow(3, 0, Length).index_select(3, oldSlots);        // (2, layers, nkv, moved, hd)
            RotaryEmbedding.RotateInPlace(kept[0], cos, sin);                           // the keys only
            buffer.narrow(3, firstMoved, moved).copy_(kept);
        }
        foreach (var layer in layers) layer.Length = keep.Count;
    }

    /// <summary>Writes the shape and the filled slots of every layer's keys and values (fp32), for a checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        foreach (var size in buffer.shape) writer.Write(size);
        writer.Write(Length);
        if (Length == 0) return;
        using var scope = NewDisposeScope();
        var filled = buffer.narrow(3, 0, Length).cpu().contiguous().data<float>().ToArray();
        writer.Write(MemoryMarshal.AsBytes(filled.AsSpan()));
    }

    public void ReadState(BinaryReader reader)
    {
        var shape = buffer.shape.Select(_ => reader.ReadInt64()).ToArray();
        if (!shape.SequenceEqual(buffer.shape))
            throw new InvalidDataException($"the saved cache has shape ({string.Join(", ", shape)}), this one ({string.Join(", ", buffer.shape)}): a different model or budget");
        int length = reader.ReadInt32();
        if (length < 0 || length > Capacity) throw new InvalidDataException($"the saved cache holds {length} slots, outside 0..{Capacity}");
        foreach (var layer in layers) layer.Length = length;
        if (length == 0) return;
        var filled = new float[shape[0] * shape[1] * shape[2] * length * shape[4]];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(filled.AsSpan()));
        using (var scope = NewDisposeScope())
        using (no_grad())
            buffer.narrow(3, 0, length).copy_(tensor(filled).view(shape[0], shape[1], shape[2], length, shape[4])); // copy_ moves it to the cache's device
    }

    public void Dispose()
    {
        foreach (var layer in layers) layer.Release();
        buffer.Dispose();
    }
}
