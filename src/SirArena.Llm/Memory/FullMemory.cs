namespace SirArena.Llm.Memory;

/// <summary>
/// Full memory: the cache keeps every token and never evicts, the baseline of both the SirLLM (Yao, Li, Zhao,
/// ACL 2024) and StreamingLLM (Xiao et al., 2023) papers. Only valid while the stream is shorter than the model's
/// pre-training length L; past it the model degrades, so this refuses instead of silently running on.
/// Run it with a larger L to get an upper-bound baseline.
/// </summary>
public sealed class FullMemory : IMemoryPolicy
{
    public FullMemory(int maxTokens = 2048) => MaxTokens = Setting.AtLeast(maxTokens, 1, nameof(maxTokens));

    /// <summary>L: the model's pre-training length (max_position_embeddings), the only limit of this memory.</summary>
    public int MaxTokens { get; }

    public string Name => "full";
    public int Budget => MaxTokens;
    public float DecayRatio => 1f;
    public ScoreSource Scores => ScoreSource.None;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(incoming);
        long total = (long)scores.Length + incoming;
        if (total > MaxTokens)
            throw new MemoryBudgetException(
                $"The stream outgrew the model's pre-training length L = {MaxTokens}: {scores.Length} cached + " +
                $"{incoming} incoming = {total} tokens, and 'full' memory never evicts. Use the 'streaming' or 'sir' " +
                "memory policy to hold the cache to a budget.");
        return KeptSlots.All(scores.Length);
    }
}
