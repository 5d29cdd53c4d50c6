namespace SirArena.Llm.Memory;

/// <summary>
/// The key-norm press (Devoto et al., "A Simple and Effective L2 Norm-Based Strategy for KV Cache Compression", 2024):
/// keep the tokens whose keys have the smallest L2 norm, which go with the most attention, scored once on entry
/// without reading any attention. The norm is averaged over key/value heads and layers, since one memory serves every
/// layer; the sinks are kept as every policy of this project keeps them.
/// </summary>
public sealed class KeyNormMemory(MemoryBudget sizes) : IMemoryPolicy
{
    public const string PolicyName = "knorm";

    public MemoryBudget Sizes { get; } = sizes ?? throw new ArgumentNullException(nameof(sizes));
    public string Name => PolicyName;
    public int Budget => Sizes.Total;
    public float DecayRatio => 1f;
    public ScoreSource Scores => ScoreSource.NegativeKeyNorm;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming) =>
        KeptSlots.Select(this, scores, incoming, Sizes.Start, Sizes.Entropy);
}
