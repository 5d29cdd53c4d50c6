using System.Runtime.InteropServices;
using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>
/// A dialogue stream run the way the KV cache runs a policy, on scores alone: each round select, compact, append
/// the chunk's raw scores, then decay every stored score by eta. Token ids (arrival order) show who survived.
/// </summary>
internal sealed class ScoreStream(IMemoryPolicy policy)
{
    private int _nextId;

    public List<float> Scores { get; } = [];
    public List<int> Ids { get; } = [];

    /// <summary>One round; returns the kept slots the policy chose.</summary>
    public int[] Round(IReadOnlyList<float> chunk)
    {
        int[] kept = policy.SelectKept(CollectionsMarshal.AsSpan(Scores), chunk.Count);
        Keep(Scores, kept);
        Keep(Ids, kept);
        foreach (float score in chunk)
        {
            Scores.Add(score);
            Ids.Add(_nextId++);
        }
        for (int i = 0; i < Scores.Count; i++) Scores[i] *= policy.DecayRatio;
        return kept;
    }

    /// <summary>Surprisals with frequent exact ties (small integers) among continuous values, as template text gives.</summary>
    public static float[] RandomChunk(Random rng, int n)
    {
        var chunk = new float[n];
        for (int i = 0; i < n; i++) chunk[i] = rng.Next(3) == 0 ? rng.Next(3) : (float)(rng.NextDouble() * 8);
        return chunk;
    }

    private static void Keep<T>(List<T> items, int[] kept)
    {
        for (int i = 0; i < kept.Length; i++) items[i] = items[kept[i]];
        items.RemoveRange(kept.Length, items.Count - kept.Length);
    }
}
