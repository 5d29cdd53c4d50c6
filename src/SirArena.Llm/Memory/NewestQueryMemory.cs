namespace SirArena.Llm.Memory;

/// <summary>
/// TOVA (Oren et al., "Transformers are Multi-State RNNs", 2024): keep the tokens the newest query attends to most,
/// a ranking made afresh on every forward pass. The attention is averaged over heads and layers, since one memory
/// serves every layer; the sinks are kept as every policy of this project keeps them.
/// </summary>
public sealed class NewestQueryMemory(MemoryBudget sizes) : IMemoryPolicy
{
    public const string PolicyName = "tova";

    public MemoryBudget Sizes { get; } = sizes ?? throw new ArgumentNullException(nameof(sizes));
    public string Name => PolicyName;
    public int Budget => Sizes.Total;
    public float DecayRatio => 1f;
    public ScoreSource Scores => ScoreSource.NewestQueryAttention;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming) =>
        KeptSlots.Select(this, scores, incoming, Sizes.Start, Sizes.Entropy);
}
