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
/// On the CPU a compaction moves each run of kept slots toward the front of the buffer's own memory, one memmove per
/// run and (layer, head) block: a kept slot never moves back, so runs moved in ascending order never overwrite a slot
/// still to be read, and a round's scattered evictions cost one pass over the cache rather than a tensor operation
/// per run. On another device a second buffer of the same size is the destination when most of the cache moves: the
/// kept runs are copied into it and the two buffers swap roles, since a gather has no destination of its own in
/// TorchSharp and moving in place would cost a gather into a temporary and a copy back.
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly RotaryEmbedding rope;
    readonly Tensor[] buffers;                // one (CPU) or two of (2, layers, nkv, capacity, hd): [0] keys, [1] values
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

    /// <summary>True when a compaction moves slots through the buffer's memory in place (<see cref="MoveRunsInPlace"/>).</summary>
    internal bool MovesInPlace { get; }

    public KvCache(LlamaConfig config, RotaryEmbedding rope, int capacity, KeyStorage keys = KeyStorage.Unrotated)
        : this(config, rope, capacity, keys, inPlace: null) { }

    /// <param name="inPlace">whether a compaction moves slots in place; by default on the CPU, when the buffer's bytes
    /// fit one span. Tests set it to check the other devices' way on the CPU.</param>
    internal KvCache(LlamaConfig config, RotaryEmbedding rope, int capacity, KeyStorage keys, bool? inPlace)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "cache capacity must be positive");
        this.rope = rope;
        Capacity = capacity;
        long bytes = 2L * config.NumHiddenLayers * config.KeyValueHeads * capacity * config.HeadDim * sizeof(float);
        MovesInPlace = inPlace ?? (rope.Device.type == TorchSharp.DeviceType.CPU && bytes <= int.MaxValue);
        // On the rope tables' device, which is the model's: attention reads both in every layer.
        buffers = [.. Enumerable.Range(0, MovesInPlace ? 1 : 2).Select(_ =>
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
            if (MovesInPlace) MoveRunsInPlace(keep, firstMoved);
            else if (moved <= firstMoved) GatherTail(keep, firstMoved);
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

    /// <summary>Moves each run of kept slots from <paramref name="firstMoved"/> on to its new place in the buffer's memory.</summary>
    void MoveRunsInPlace(IReadOnlyList<int> keep, int firstMoved)
    {
        var bytes = Buffer.bytes;
        int slot = (int)(Buffer.shape[4] * Buffer.ElementSize), block = Capacity * slot;
        foreach (var (start, end) in Runs(keep, firstMoved))
        {
            int from = keep[start] * slot, to = start * slot, length = (end - start) * slot;
            for (int offset = 0; offset < bytes.Length; offset += block)
                bytes.Slice(offset + from, length).CopyTo(bytes.Slice(offset + to, length)); // CopyTo is a memmove
        }
    }

    /// <summary>The runs of consecutive old slots in <paramref name="keep"/> from index <paramref name="from"/> on, as
    /// (first, past-the-last) indices into it.</summary>
    static IEnumerable<(int Start, int End)> Runs(IReadOnlyList<int> keep, int from)
    {
        for (int start = from; start < keep.Count;)
        {
            int end = start + 1;
            while (end < keep.Count && keep[end] == keep[end - 1] + 1) end++;
            yield return (start, end);
            start = end;
        }
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
        foreach (var (start, end) in Runs(keep, 0))
            spare.narrow(3, start, end - start).copy_(Buffer.narrow(3, keep[start], end - start));
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
