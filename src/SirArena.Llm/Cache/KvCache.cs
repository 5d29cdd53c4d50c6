using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// The key/value cache of one endless stream, all layers. Positions are cache slots: after a compaction the kept
/// tokens sit at 0..k-1 and new tokens continue at k (the "position shift" of StreamingLLM and SirLLM). Keys are
/// re-rotated by their shift once, when they move, instead of being stored unrotated and rotated on every pass.
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly RotaryEmbedding rope;

    public IReadOnlyList<LayerCache> Layers { get; }
    public int Length => Layers[0].Length;
    public int Capacity => Layers[0].Capacity;

    public KvCache(LlamaConfig config, RotaryEmbedding rope, int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "cache capacity must be positive");
        this.rope = rope;
        Layers = Enumerable.Range(0, config.NumHiddenLayers)
            .Select(_ => new LayerCache(config.KeyValueHeads, capacity, config.HeadDim))
            .ToArray();
    }

    /// <summary>Keeps the given slots (sorted ascending, unique), in every layer.</summary>
    public void Compact(IReadOnlyList<int> keep)
    {
        if (keep.Count == Length) return; // nothing moves when every slot stays
        using var scope = NewDisposeScope();
        var oldSlots = tensor(keep.Select(s => (long)s).ToArray());
        var shifts = arange(keep.Count, ScalarType.Int64) - oldSlots; // new slot - old slot, <= 0
        var (cos, sin) = rope.Angles(shifts);
        foreach (var layer in Layers) layer.Compact(oldSlots, cos, sin);
    }

    public void Dispose()
    {
        foreach (var layer in Layers) layer.Dispose();
    }
}
