namespace SirArena.Llm.Memory;

/// <summary>
/// Decides which cached tokens survive when a chunk arrives, working on scores and cache slots only (never on
/// tensors): the KV cache applies the answer with one gather per layer. See shared/docs/sirllm.md.
/// </summary>
public interface IMemoryPolicy
{
    /// <summary>Short name used in replays, reports and on the command line ("full", "streaming", "sir").</summary>
    string Name { get; }

    /// <summary>The most tokens the cache may hold, incoming chunk included.</summary>
    int Budget { get; }

    /// <summary>eta: every stored score is multiplied by this once per round (1 = rigid memory).</summary>
    float DecayRatio { get; }

    /// <summary>
    /// The slots to keep, sorted ascending and unique, so that kept + <paramref name="incoming"/> &lt;= <see cref="Budget"/>.
    /// <paramref name="scores"/> holds one score per cached token, in slot order. When nothing has to go the answer
    /// is every slot. A chunk that cannot fit (or, for Full, any overflow) throws <see cref="MemoryBudgetException"/>.
    /// </summary>
    int[] SelectKept(ReadOnlySpan<float> scores, int incoming);
}
