using System.Runtime.InteropServices;
using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// The key/value cache of one endless stream, keys and values of all layers in one buffer allocated once at the
/// budget's size, so a compaction moves every layer at once. Positions are cache slots: after a compaction the kept
/// tokens sit at 0..k-1 and new tokens continue at k (the "position shift" of StreamingLLM and SirLLM). Keys are
/// stored unrotated and every forward pass rotates them to their slots, as the StreamingLLM reference does and as a
/// plain pass over the kept tokens would (<see cref="KeyStorage"/>): a compaction only copies, and a key that moved a
/// thousand times is the same bits as one that never moved. Replays before version 7 were played with keys stored
/// rotated and re-rotated by their shift when they move (<see cref="KeyStorage.Rotated"/>).
/// A second buffer of the same size is the compaction's destination when most of the cache moves: the kept runs of
/// slots are copied into it one run at a time and the two buffers swap roles. A gather has no destination of its own
/// in TorchSharp, so moving the cache in place costs a gather into a temporary and a copy back, twice the memory
/// traffic; the spare buffer costs the cache's size once.
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly RotaryEmbedding rope;
    readonly Tensor[] buffers;                // two of (2, layers, nkv, capacity, hd): [0] keys, [1] values
    readonly (Tensor Keys, Tensor Values)[][] views; // per buffer, per layer
    readonly LayerCache[] layers;
    int current;

    Tensor Buffer => buffers[current];

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
    public KeyStorage Keys => layers[0].Keys;

    public KvCache(LlamaConfig config, RotaryEmbedding rope, int capacity, KeyStorage keys = KeyStorage.Unrotated)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "cache capacity must be positive");
        this.rope = rope;
        Capacity = capacity;
        // On the rope tables' device, which is the model's: attention reads both in every layer.
        buffers = [.. Enumerable.Range(0, 2).Select(_ =>
            zeros([2, config.NumHiddenLayers, config.KeyValueHeads, capacity, config.HeadDim], device: rope.Device).DetachFromDisposeScope())];
        views = [.. buffers.Select(buffer => Enumerable.Range(0, config.NumHiddenLayers)
            .Select(i => (View(buffer, 0, i), View(buffer, 1, i)))
            .ToArray())];
        layers = [.. views[0].Select(v => new LayerCache(v.Keys, v.Values, keys))];
    }

    static Tensor View(Tensor buffer, int part, int layer) => buffer[part, layer].unsqueeze(0).DetachFromDisposeScope();

    /// <summary>Keeps the given slots (sorted ascending, unique), in every layer at once.</summary>
    public void Compact(IReadOnlyList<int> keep)
    {
        // Slots before the first one that moves stay where they are: only the tail is moved (and, stored rotated, re-rotated).
        int firstMoved = 0;
        while (firstMoved < keep.Count && keep[firstMoved] == firstMoved) firstMoved++;
        if (firstMoved < keep.Count)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            int moved = keep.Count - firstMoved;
            if (moved <= firstMoved) GatherTail(keep, firstMoved);
            else CopyRunsToSpare(keep);
            if (Keys == KeyStorage.Rotated) RotateMovedKeys(keep, firstMoved);
        }
        foreach (var layer in layers) layer.Length = keep.Count;
    }

    /// <summary>Turns keys stored rotated to their old slots to their new ones: a rotation by the (negative) shift.</summary>
    void RotateMovedKeys(IReadOnlyList<int> keep, int firstMoved)
    {
        int moved = keep.Count - firstMoved;
        var shifts = tensor(keep.Skip(firstMoved).Select((s, i) => (long)(firstMoved + i - s)).ToArray(), device: rope.Device); // new slot - old slot, < 0
        var (cos, sin) = rope.ShiftAngles(shifts);
        RotaryEmbedding.RotateInPlace(Buffer[0].narrow(2, firstMoved, moved), cos, sin); // the keys only
    }

    /// <summary>Moves a short tail in place: a gather into a temporary and a copy back, of the moved slots only.</summary>
    void GatherTail(IReadOnlyList<int> keep, int firstMoved)
    {
        var oldSlots = tensor(keep.Skip(firstMoved).Select(s => (long)s).ToArray(), device: rope.Device);
        Buffer.narrow(3, firstMoved, keep.Count - firstMoved).copy_(Buffer.narrow(3, 0, Length).index_select(3, oldSlots));
    }

    /// <summary>Copies each run of consecutive kept slots into the spare buffer, which then becomes the cache.</summary>
    void CopyRunsToSpare(IReadOnlyList<int> keep)
    {
        var spare = buffers[1 - current];
        for (int start = 0; start < keep.Count;)
        {
            int end = start + 1;
            while (end < keep.Count && keep[end] == keep[end - 1] + 1) end++;
            spare.narrow(3, start, end - start).copy_(Buffer.narrow(3, keep[start], end - start));
            start = end;
        }
        current = 1 - current;
        foreach (var (layer, view) in layers.Zip(views[current])) layer.Use(view.Keys, view.Values);
    }

    /// <summary>Writes the shape and the filled slots of every layer's keys and values (fp32), for a checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        foreach (var size in Buffer.shape) writer.Write(size);
        writer.Write(Length);
        if (Length == 0) return;
        using var scope = NewDisposeScope();
        var filled = Buffer.narrow(3, 0, Length).cpu().contiguous().data<float>().ToArray();
        writer.Write(MemoryMarshal.AsBytes(filled.AsSpan()));
    }

    public void ReadState(BinaryReader reader)
    {
        var shape = Buffer.shape.Select(_ => reader.ReadInt64()).ToArray();
        if (!shape.SequenceEqual(Buffer.shape))
            throw new InvalidDataException($"the saved cache has shape ({string.Join(", ", shape)}), this one ({string.Join(", ", Buffer.shape)}): a different model or budget");
        int length = reader.ReadInt32();
        if (length < 0 || length > Capacity) throw new InvalidDataException($"the saved cache holds {length} slots, outside 0..{Capacity}");
        foreach (var layer in layers) layer.Length = length;
        if (length == 0) return;
        var filled = new float[shape[0] * shape[1] * shape[2] * length * shape[4]];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(filled.AsSpan()));
        using (var scope = NewDisposeScope())
        using (no_grad())
            Buffer.narrow(3, 0, length).copy_(tensor(filled).view(shape[0], shape[1], shape[2], length, shape[4])); // copy_ moves it to the cache's device
    }

    public void Dispose()
    {
        foreach (var (keys, values) in views.SelectMany(v => v))
        {
            keys.Dispose();
            values.Dispose();
        }
        foreach (var buffer in buffers) buffer.Dispose();
    }
}
