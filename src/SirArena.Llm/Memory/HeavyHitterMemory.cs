namespace SirArena.Llm.Memory;

/// <summary>
/// H2O (Zhang et al., "H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models", 2023):
/// keep the tokens that have received the most attention so far (heavy hitters) and the most recent ones. Here the
/// attention is averaged over heads and layers, since one memory serves every layer, and the sinks are kept too, as
/// every policy of this project keeps them.
/// </summary>
public sealed class HeavyHitterMemory(MemoryBudget sizes) : IMemoryPolicy
{
    public const string PolicyName = "h2o";

    public MemoryBudget Sizes { get; } = sizes ?? throw new ArgumentNullException(nameof(sizes));
    public string Name => PolicyName;
    public int Budget => Sizes.Total;
    public float DecayRatio => 1f;
    public ScoreSource Scores => ScoreSource.AccumulatedAttention;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming) =>
        KeptSlots.Select(this, scores, incoming, Sizes.Start, Sizes.Entropy);
}
