namespace SirArena.Llm.Memory;

/// <summary>
/// StreamingLLM memory (Xiao et al., "Efficient Streaming Language Models with Attention Sinks", 2023; "StreamLLM"
/// in the SirLLM paper): keeps the first <see cref="Start"/> tokens, the attention sinks, and the most recent
/// tokens, within B = start + recent. Scores are ignored.
/// Departs from the reference code in one way: a chunk larger than <see cref="Recent"/> (which would push out the
/// sinks) throws <see cref="MemoryBudgetException"/>; the reference's recent slice comes out empty there and the
/// cache silently goes over budget.
/// </summary>
public sealed class StreamingMemory : IMemoryPolicy
{
    private readonly MemoryBudget _sizes;

    public StreamingMemory(int start = 4, int recent = 508) => _sizes = new MemoryBudget(start, Entropy: 0, recent);

    /// <summary>Attention sinks: the first slots, always kept.</summary>
    public int Start => _sizes.Start;

    /// <summary>Slots for the newest tokens, the incoming chunk included.</summary>
    public int Recent => _sizes.Recent;

    public string Name => "streaming";
    public int Budget => _sizes.Total;

    /// <summary>1: this memory reads no scores, so there is nothing to decay.</summary>
    public float DecayRatio => 1f;

    public ScoreSource Scores => ScoreSource.None;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming) =>
        KeptSlots.Select(this, scores, incoming, Start, entropy: 0);
}
