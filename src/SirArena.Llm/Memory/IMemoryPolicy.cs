namespace SirArena.Llm.Memory;

/// <summary>
/// Decides which cached tokens survive when a chunk arrives, working on scores and cache slots only (never on
/// tensors): <see cref="RetainedMemory"/> runs it, and the KV cache moves the kept slots of every layer at once.
/// See docs/sirllm.md.
/// </summary>
public interface IMemoryPolicy
{
    /// <summary>Short name used in replays, reports and on the command line ("full", "streaming", "sir").</summary>
    string Name { get; }

    /// <summary>The most tokens the cache may hold, incoming chunk included.</summary>
    int Budget { get; }

    /// <summary>eta: every stored score is multiplied by this once per round (1 = rigid memory).</summary>
    float DecayRatio { get; }

    /// <summary>What the scores handed to <see cref="SelectKept"/> are.</summary>
    ScoreSource Scores { get; }

    /// <summary>
    /// The slots to keep, sorted ascending and unique, so that kept + <paramref name="incoming"/> &lt;= <see cref="Budget"/>.
    /// <paramref name="scores"/> holds one score per cached token, in slot order (higher = more worth keeping); the
    /// policy never stores or changes them. When cached + incoming fits the budget the answer is every slot; an
    /// evicting policy otherwise keeps exactly Budget - incoming slots, its attention sinks first. A chunk that cannot
    /// fit without dropping a sink (or, for Full, any overflow) throws <see cref="MemoryBudgetException"/>; a negative
    /// <paramref name="incoming"/> throws <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    int[] SelectKept(ReadOnlySpan<float> scores, int incoming);
}
