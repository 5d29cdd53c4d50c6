namespace SirArena.Llm.Memory;

/// <summary>
/// The storage of a <see cref="RetainedMemory"/>: for every slot, the token id, its index in the endless stream and
/// its score. It is compacted with the same kept slots as the KV cache, so slot i here always describes slot i there.
/// It decides nothing: which slots to keep and when to decay belong to <see cref="RetainedMemory"/>.
/// </summary>
internal sealed class TokenLedger(int capacity)
{
    int[] tokenIds = new int[capacity];
    long[] streamIndices = new long[capacity];
    float[] scores = new float[capacity];

    public int Count { get; private set; }

    public ReadOnlySpan<float> Scores => scores.AsSpan(0, Count);

    public RetainedToken this[int slot] => new(slot, streamIndices[slot], tokenIds[slot], scores[slot]);

    public long StreamIndexAt(int slot) => streamIndices[slot];

    public void Append(ReadOnlySpan<int> ids, ReadOnlySpan<float> newScores, long firstStreamIndex)
    {
        if (newScores.Length != ids.Length)
            throw new ArgumentException($"{ids.Length} tokens came with {newScores.Length} scores; expected one score per token", nameof(newScores));
        EnsureCapacity(Count + ids.Length);
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

    /// <summary>Adds one number to each held score, in slot order.</summary>
    public void Add(ReadOnlySpan<float> perSlot)
    {
        for (int i = 0; i < Count; i++) scores[i] += perSlot[i];
    }

    /// <summary>Replaces every held score, in slot order.</summary>
    public void Set(ReadOnlySpan<float> perSlot) => perSlot.CopyTo(scores.AsSpan(0, Count));

    /// <summary>Multiplies every stored score by <paramref name="factor"/>, in single precision.</summary>
    public void Scale(float factor)
    {
        for (int i = 0; i < Count; i++) scores[i] *= factor;
    }

    /// <summary>Writes the held slots (count, then id, stream index and score of each), for a checkpoint.</summary>
    public void WriteSlots(BinaryWriter writer)
    {
        writer.Write(Count);
        for (int i = 0; i < Count; i++)
        {
            writer.Write(tokenIds[i]);
            writer.Write(streamIndices[i]);
            writer.Write(scores[i]);
        }
    }

    /// <summary>Reads what <see cref="WriteSlots"/> wrote, refusing more than <paramref name="limit"/> slots.</summary>
    public void ReadSlots(BinaryReader reader, int limit)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > limit) throw new InvalidDataException($"the saved ledger holds {count} tokens, outside 0..{limit}");
        EnsureCapacity(count);
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

    // A memory under a policy never grows past the budget it was sized for; a replayed one learns its size as it goes.
    void EnsureCapacity(int needed)
    {
        if (needed <= tokenIds.Length) return;
        int size = Math.Max(needed, Math.Max(16, 2 * tokenIds.Length));
        Array.Resize(ref tokenIds, size);
        Array.Resize(ref streamIndices, size);
        Array.Resize(ref scores, size);
    }
}
