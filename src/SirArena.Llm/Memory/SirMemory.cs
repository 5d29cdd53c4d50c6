namespace SirArena.Llm.Memory;

/// <summary>
/// SirLLM memory (Yao, Li, Zhao, "SirLLM: Streaming Infinite Retentive LLM", ACL 2024), exactly as
/// docs/sirllm.md states it: before n tokens arrive into a full cache, keep the entropy - n cached tokens of
/// highest (decayed) token entropy, the start sinks, and the newest other tokens until B - n are kept, in slot order.
/// The policy is stateless: <see cref="RetainedMemory"/> multiplies the stored scores by <see cref="DecayRatio"/> (eta)
/// once per round.
/// Departs from the reference code: a chunk that would push out the sinks throws <see cref="MemoryBudgetException"/>
/// naming the budget where the reference fails an assertion, and NaN scores rank below every number (a Python sort
/// leaves their place undefined).
/// </summary>
public sealed class SirMemory : IMemoryPolicy
{
    public SirMemory(int start = 4, int entropy = 508, int recent = 0, float eta = 0.9f)
        : this(new MemoryBudget(start, entropy, recent), eta)
    {
    }

    public SirMemory(MemoryBudget sizes, float eta = 0.9f)
    {
        Sizes = sizes ?? throw new ArgumentNullException(nameof(sizes));
        DecayRatio = Setting.Eta(eta, nameof(eta));
    }

    /// <summary>The split of the budget: sinks, slots for top scorers, slots for the newest tokens.</summary>
    public MemoryBudget Sizes { get; }

    public string Name => "sir";
    public int Budget => Sizes.Total;

    /// <summary>eta in (0, 1]: 1 is rigid memory; below 1 old key tokens fade so the agent can adapt.</summary>
    public float DecayRatio { get; }

    public ScoreSource Scores => ScoreSource.Surprisal;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming) =>
        KeptSlots.Select(this, scores, incoming, Sizes.Start, Sizes.Entropy);
}
