using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// One layer's view of the stream's keys and values (batch 1): the slots of the shared buffer of
/// <see cref="KvCache"/> that belong to this layer, re-pointed when a compaction swaps buffers. Keys are stored as
/// <see cref="Keys"/> says.
/// </summary>
public sealed class LayerCache
{
    Tensor keys;   // (1, nkv, capacity, hd), a view into the cache's buffer
    Tensor values; // (1, nkv, capacity, hd)

    public int Length { get; internal set; }
    public KeyStorage Keys { get; }

    /// <summary>Set for a forward pass whose attention a memory policy scores by; the attention reports to it.</summary>
    public AttentionProbe? Probe { get; internal set; }
    public int Capacity => (int)keys.shape[2];

    internal LayerCache(Tensor keys, Tensor values, KeyStorage storage)
    {
        this.keys = keys;
        this.values = values;
        Keys = storage;
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
        return Held;
    }

    /// <summary>Points this layer at the same slots of another buffer (the cache owns and disposes the views).</summary>
    internal void Use(Tensor keys, Tensor values)
    {
        this.keys = keys;
        this.values = values;
    }

    /// <summary>The held keys and values (views, no copy).</summary>
    public (Tensor Keys, Tensor Values) Held => (keys.narrow(2, 0, Length), values.narrow(2, 0, Length));
}
