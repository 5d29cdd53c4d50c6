using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>
/// A dialogue stream on scores alone, one chunk per round, run by the engine's <see cref="RetainedMemory"/>: make room,
/// append the chunk at its raw scores, end the round. Token ids number the tokens in arrival order, so they show who
/// survived.
/// </summary>
internal sealed class ScoreStream(IMemoryPolicy policy)
{
    private int _nextId;

    public RetainedMemory Memory { get; } = new(policy);

    /// <summary>The held tokens' current (decayed) scores, in slot order.</summary>
    public float[] Scores => Memory.Scores.ToArray();

    /// <summary>The held tokens' ids (their arrival order), in slot order.</summary>
    public int[] Ids => Memory.Snapshot().Select(t => t.TokenId).ToArray();

    /// <summary>One round; returns the slots kept to make room for the chunk.</summary>
    public int[] Round(IReadOnlyList<float> chunk) => Round(chunk, out _);

    public int[] Round(IReadOnlyList<float> chunk, out RetainedToken[] evicted)
    {
        var room = Memory.MakeRoom(chunk.Count);
        var ids = Enumerable.Range(_nextId, chunk.Count).ToArray();
        Memory.Append(ids, chunk.ToArray(), _nextId);
        _nextId += chunk.Count;
        Memory.EndRound();
        evicted = room.Evicted;
        return room.Kept;
    }

    /// <summary>Surprisals with frequent exact ties (small integers) among continuous values, as template text gives.</summary>
    public static float[] RandomChunk(Random rng, int n)
    {
        var chunk = new float[n];
        for (int i = 0; i < n; i++) chunk[i] = rng.Next(3) == 0 ? rng.Next(3) : (float)(rng.NextDouble() * 8);
        return chunk;
    }
}
