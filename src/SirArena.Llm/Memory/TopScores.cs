using System.Buffers;

namespace SirArena.Llm.Memory;

/// <summary>
/// Marks the k slots of highest score, as the first k of a stable descending sort would give them: among equal
/// scores the earlier slot wins. A size-k heap costs O(cached log k) and no allocation for budgets up to a few
/// thousand, instead of sorting every slot every round.
/// </summary>
internal static class TopScores
{
    private const int StackLimit = 1024;

    /// <summary>Sets <paramref name="chosen"/>[slot] for the top <paramref name="k"/> slots; returns how many it set.</summary>
    public static int Mark(ReadOnlySpan<float> scores, int k, Span<bool> chosen)
    {
        if (k <= 0) return 0;
        if (k >= scores.Length)
        {
            chosen[..scores.Length].Fill(true);
            return scores.Length;
        }

        int[]? rented = null;
        Span<int> heap = k <= StackLimit ? stackalloc int[k] : (rented = ArrayPool<int>.Shared.Rent(k)).AsSpan(0, k);
        try
        {
            // Min-heap by rank: heap[0] is the weakest slot held so far, the one a newcomer must beat.
            for (int slot = 0; slot < k; slot++) heap[slot] = slot;
            for (int i = k / 2 - 1; i >= 0; i--) SiftDown(heap, i, scores);
            for (int slot = k; slot < scores.Length; slot++)
            {
                if (!Outranks(scores, slot, heap[0])) continue;
                heap[0] = slot;
                SiftDown(heap, 0, scores);
            }
            foreach (int slot in heap) chosen[slot] = true;
            return k;
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Higher score first, then earlier slot: a strict total order, so the answer is deterministic. float.CompareTo
    /// ranks NaN below every number, so an unreadable score never displaces a real one.
    /// </summary>
    private static bool Outranks(ReadOnlySpan<float> scores, int a, int b)
    {
        int byScore = scores[a].CompareTo(scores[b]);
        return byScore > 0 || (byScore == 0 && a < b);
    }

    private static void SiftDown(Span<int> heap, int i, ReadOnlySpan<float> scores)
    {
        while (true)
        {
            int weakest = i, left = 2 * i + 1, right = left + 1;
            if (left < heap.Length && Outranks(scores, heap[weakest], heap[left])) weakest = left;
            if (right < heap.Length && Outranks(scores, heap[weakest], heap[right])) weakest = right;
            if (weakest == i) return;
            (heap[i], heap[weakest]) = (heap[weakest], heap[i]);
            i = weakest;
        }
    }
}
