using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// One layer's keys and values for a single stream, in buffers allocated once at the budget's size so that an
/// endless stream never allocates cache memory again. Keys are stored already rotated to their slot.
/// </summary>
public sealed class LayerCache : IDisposable
{
    readonly Tensor keys;   // (1, nkv, capacity, hd)
    readonly Tensor values; // (1, nkv, capacity, hd)

    public int Length { get; private set; }
    public int Capacity { get; }

    public LayerCache(int kvHeads, int capacity, int headDim)
    {
        Capacity = capacity;
        keys = zeros(1, kvHeads, capacity, headDim).DetachFromDisposeScope();
        values = zeros(1, kvHeads, capacity, headDim).DetachFromDisposeScope();
    }

    /// <summary>Writes k, v (1, nkv, T, hd) after the last slot and returns views over every slot now held.</summary>
    public (Tensor Keys, Tensor Values) Append(Tensor k, Tensor v)
    {
        long T = k.shape[2];
        if (Length + T > Capacity)
            throw new InvalidOperationException($"the cache holds {Length} of {Capacity} slots and cannot take {T} more; the memory policy should have made room");
        using (no_grad())
        {
            keys.narrow(2, Length, T).copy_(k);
            values.narrow(2, Length, T).copy_(v);
        }
        Length += (int)T;
        return (keys.narrow(2, 0, Length), values.narrow(2, 0, Length));
    }

    /// <summary>Keeps the slots in <paramref name="keep"/> (sorted), moving them to 0..k-1; each kept key is
    /// rotated by its shift (new slot - old slot), given as angles <paramref name="cos"/>, <paramref name="sin"/> (k, hd).</summary>
    public void Compact(Tensor keep, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        long kept = keep.shape[0];
        var k = keys.narrow(2, 0, Length).index_select(2, keep);
        var v = values.narrow(2, 0, Length).index_select(2, keep);
        keys.narrow(2, 0, kept).copy_(Model.RotaryEmbedding.Rotate(k, cos, sin));
        values.narrow(2, 0, kept).copy_(v);
        Length = (int)kept;
    }

    /// <summary>The held keys and values (views, no copy), for inspection and tests.</summary>
    public (Tensor Keys, Tensor Values) Held => (keys.narrow(2, 0, Length), values.narrow(2, 0, Length));

    public void Dispose()
    {
        keys.Dispose();
        values.Dispose();
    }
}
