namespace SirArena.Llm.Cache;

/// <summary>
/// The managed side of the cache: for every slot, the token id, its index in the endless stream and its score.
/// It is compacted with the same kept slots as the tensors, so slot i here always describes slot i there.
/// </summary>
public sealed class TokenLedger
{
    readonly int[] tokenIds;
    readonly long[] streamIndices;
    readonly float[] scores;

    public int Count { get; private set; }

    public TokenLedger(int capacity)
    {
        tokenIds = new int[capacity];
        streamIndices = new long[capacity];
        scores = new float[capacity];
    }

    public ReadOnlySpan<float> Scores => scores.AsSpan(0, Count);

    public RetainedToken this[int slot] => new(slot, streamIndices[slot], tokenIds[slot], scores[slot]);

    public void Append(ReadOnlySpan<int> ids, ReadOnlySpan<float> newScores, long firstStreamIndex)
    {
        if (Count + ids.Length > tokenIds.Length)
            throw new InvalidOperationException($"the ledger holds {Count} of {tokenIds.Length} slots and cannot take {ids.Length} more");
        for (int i = 0; i < ids.Length; i++)
        {
            tokenIds[Count + i] = ids[i];
            streamIndices[Count + i] = firstStreamIndex + i;
            scores[Count + i] = newScores[i];
        }
        Count += ids.Length;
    }

    /// <summary>Keeps the given slots (sorted ascending, unique) and returns the evicted tokens as they were.</summary>
    public RetainedToken[] Compact(IReadOnlyList<int> keep)
    {
        for (int i = 0; i < keep.Count; i++)
            if (keep[i] < 0 || keep[i] >= Count || (i > 0 && keep[i] <= keep[i - 1]))
                throw new ArgumentException($"kept slots must be sorted, unique and within the {Count} cached; slot {keep[i]} at {i} is not", nameof(keep));
        if (keep.Count == Count) return [];
        var evicted = new List<RetainedToken>(Count - keep.Count);
        int next = 0, write = 0;
        for (int slot = 0; slot < Count; slot++)
        {
            if (next < keep.Count && keep[next] == slot)
            {
                tokenIds[write] = tokenIds[slot];
                streamIndices[write] = streamIndices[slot];
                scores[write] = scores[slot];
                write++;
                next++;
            }
            else
            {
                evicted.Add(this[slot]);
            }
        }
        Count = write;
        return evicted.ToArray();
    }

    /// <summary>Multiplies every stored score by eta: SirLLM's decay, once per round.</summary>
    public void Decay(float eta)
    {
        if (eta == 1f) return;
        for (int i = 0; i < Count; i++) scores[i] *= eta;
    }

    /// <summary>Writes every slot (id, stream index, score) for a checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(tokenIds.Length);
        writer.Write(Count);
        for (int i = 0; i < Count; i++)
        {
            writer.Write(tokenIds[i]);
            writer.Write(streamIndices[i]);
            writer.Write(scores[i]);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        int capacity = reader.ReadInt32(), count = reader.ReadInt32();
        if (capacity != tokenIds.Length) throw new InvalidDataException($"the saved ledger has {capacity} slots, this one {tokenIds.Length} (a different budget)");
        if (count < 0 || count > capacity) throw new InvalidDataException($"the saved ledger holds {count} tokens, outside 0..{capacity}");
        for (int i = 0; i < count; i++)
        {
            tokenIds[i] = reader.ReadInt32();
            streamIndices[i] = reader.ReadInt64();
            scores[i] = reader.ReadSingle();
        }
        Count = count;
    }

    public RetainedToken[] Snapshot()
    {
        var all = new RetainedToken[Count];
        for (int i = 0; i < Count; i++) all[i] = this[i];
        return all;
    }
}
