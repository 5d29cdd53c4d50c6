using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// The key/value cache of one endless stream, all layers in one pair of buffers allocated once at the budget's
/// size. Positions are cache slots: after a compaction the kept tokens sit at 0..k-1 and new tokens continue at k
/// (the "position shift" of StreamingLLM and SirLLM). Keys are stored rotated and re-rotated by their shift once,
/// when they move, instead of being stored unrotated and rotated on every forward pass.
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly RotaryEmbedding rope;
    readonly Tensor keys;   // (layers, nkv, capacity, hd)
    readonly Tensor values; // (layers, nkv, capacity, hd)
    readonly LayerCache[] layers;

    public IReadOnlyList<LayerCache> Layers => layers;
    public int Length => layers[0].Length;
    public int Capacity { get; }

    public KvCache(LlamaConfig config, RotaryEmbedding rope, int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "cache capacity must be positive");
        this.rope = rope;
        Capacity = capacity;
        keys = zeros(config.NumHiddenLayers, config.KeyValueHeads, capacity, config.HeadDim).DetachFromDisposeScope();
        values = zeros(config.NumHiddenLayers, config.KeyValueHeads, capacity, config.HeadDim).DetachFromDisposeScope();
        layers = Enumerable.Range(0, config.NumHiddenLayers)
            .Select(i => new LayerCache(View(keys, i), View(values, i)))
            .ToArray();
    }

    static Tensor View(Tensor buffer, int layer) => buffer[layer].unsqueeze(0).DetachFromDisposeScope();

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
            var oldSlots = tensor(keep.Skip(firstMoved).Select(s => (long)s).ToArray());
            var shifts = arange(firstMoved, keep.Count, ScalarType.Int64) - oldSlots; // new slot - old slot, < 0
            var (cos, sin) = rope.ShiftAngles(shifts);
            var k = keys.narrow(2, 0, Length).index_select(2, oldSlots);              // (layers, nkv, moved, hd)
            var v = values.narrow(2, 0, Length).index_select(2, oldSlots);
            keys.narrow(2, firstMoved, moved).copy_(RotaryEmbedding.RotateInPlace(k, cos, sin));
            values.narrow(2, firstMoved, moved).copy_(v);
        }
        foreach (var layer in layers) layer.Length = keep.Count;
    }

    public void Dispose()
    {
        keys.Dispose();
        values.Dispose();
    }
}
