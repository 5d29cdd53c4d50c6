using System.Buffers;

namespace SirArena.Llm.Memory;

/// <summary>
/// The selection every evicting policy shares, written once (docs/sirllm.md): the top scorers, then the
/// attention sinks, then the most recent slots newest first until the budget is full, returned in slot order.
/// StreamingLLM is this with no top scorers.
/// </summary>
internal static class KeptSlots
{
    private const int StackLimit = 4096;

    /// <summary>
    /// The slots <paramref name="policy"/> keeps before <paramref name="incoming"/> tokens arrive: all of them when
    /// they fit, otherwise exactly Budget - incoming of them, <paramref name="sinks"/> first slots included.
    /// </summary>
    /// <param name="entropy">Slots reserved for top scorers; a chunk of n tokens leaves entropy - n of them.</param>
    public static int[] Select(IMemoryPolicy policy, ReadOnlySpan<float> scores, int incoming, int sinks, int entropy)
    {
        int cached = scores.Length;
        EnsureFits(policy, sinks, cached, incoming);
        if ((long)cached + incoming <= policy.Budget) return All(cached);

        int keep = policy.Budget - incoming;
        bool[]? rented = null;
        Span<bool> chosen = cached <= StackLimit
            ? stackalloc bool[cached]
            : (rented = ArrayPool<bool>.Shared.Rent(cached)).AsSpan(0, cached);
        try
        {
            chosen.Clear();
            // Sinks may also be top scorers: then they count once and leave more room for recent tokens.
            int count = TopScores.Mark(scores, entropy - incoming, chosen);
            count += MarkSinks(chosen, sinks);
            FillRecent(chosen, keep - count);
            return InSlotOrder(chosen, keep);
        }
        finally
        {
            if (rented is not null) ArrayPool<bool>.Shared.Return(rented);
        }
    }

    /// <summary>Every slot 0..cached-1: nothing has to go.</summary>
    public static int[] All(int cached)
    {
        var slots = new int[cached];
        for (int i = 0; i < cached; i++) slots[i] = i;
        return slots;
    }

    /// <summary>
    /// Throws when no eviction can make room without dropping a sink: the sinks that exist plus the chunk exceed the
    /// budget. Before the stream has <paramref name="sinks"/> tokens a larger first chunk still fits.
    /// </summary>
    public static void EnsureFits(IMemoryPolicy policy, int sinks, int cached, int incoming)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(incoming);
        int protectedSlots = Math.Min(sinks, cached);
        if ((long)protectedSlots + incoming <= policy.Budget) return;
        throw new MemoryBudgetException(
            $"A chunk of {incoming} tokens cannot fit the '{policy.Name}' memory's budget of {policy.Budget} tokens: " +
            $"it keeps {protectedSlots} attention sink(s), so a chunk may hold at most {policy.Budget - protectedSlots} " +
            "tokens. Split the chunk or raise the budget.");
    }

    private static int MarkSinks(Span<bool> chosen, int sinks)
    {
        int added = 0;
        for (int slot = 0; slot < Math.Min(sinks, chosen.Length); slot++)
        {
            if (chosen[slot]) continue;
            chosen[slot] = true;
            added++;
        }
        return added;
    }

    private static void FillRecent(Span<bool> chosen, int needed)
    {
        for (int slot = chosen.Length - 1; slot >= 0 && needed > 0; slot--)
        {
            if (chosen[slot]) continue;
            chosen[slot] = true;
            needed--;
        }
    }

    private static int[] InSlotOrder(ReadOnlySpan<bool> chosen, int count)
    {
        var slots = new int[count];
        int next = 0;
        for (int slot = 0; slot < chosen.Length; slot++)
            if (chosen[slot]) slots[next++] = slot;
        return slots;
    }
}
