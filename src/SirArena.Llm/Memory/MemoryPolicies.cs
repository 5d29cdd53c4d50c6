namespace SirArena.Llm.Memory;

/// <summary>Builds the memory policy a run names; the one place that maps names to policies.</summary>
public static class MemoryPolicies
{
    /// <summary>The policy names <see cref="Create"/> knows, as typed on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["full", "streaming", "sir", AdaptiveSirMemory.PolicyName, HeavyHitterMemory.PolicyName, NewestQueryMemory.PolicyName, KeyNormMemory.PolicyName];

    public static IMemoryPolicy Create(MemoryPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Name switch
        {
            "full" => new FullMemory(options.PretrainingLength),
            "streaming" => new StreamingMemory(options.Start, StreamingRecent(options)),
            "sir" => new SirMemory(
                options.Start, options.Budget - options.Start - (options.Recent ?? 0), options.Recent ?? 0, options.Eta),
            AdaptiveSirMemory.PolicyName => new AdaptiveSirMemory(
                options.Start, options.Budget - options.Start - (options.Recent ?? 0), options.Recent ?? 0, options.Eta),
            HeavyHitterMemory.PolicyName => new HeavyHitterMemory(ScoredSplit(options, options.Recent ?? (options.Budget - options.Start) / 2)),
            NewestQueryMemory.PolicyName => new NewestQueryMemory(ScoredSplit(options, options.Recent ?? 0)),
            KeyNormMemory.PolicyName => new KeyNormMemory(ScoredSplit(options, options.Recent ?? 0)),
            _ => throw new ArgumentException(
                $"Unknown memory policy '{options.Name}'; known: {string.Join(", ", Names)}.", nameof(options)),
        };
    }

    /// <summary>Sinks, then top scorers, then <paramref name="recent"/> newest tokens; H2O's recent half is its paper's split.</summary>
    private static MemoryBudget ScoredSplit(MemoryPolicyOptions options, int recent) =>
        new(options.Start, options.Budget - options.Start - recent, recent);

    private static int StreamingRecent(MemoryPolicyOptions options)
    {
        int recent = options.Budget - options.Start;
        if (options.Recent is { } given && given != recent)
            throw new ArgumentException(
                $"Recent = {given} disagrees with streaming's split: it keeps Start = {options.Start} sinks and " +
                $"Budget - Start = {recent} recent tokens. Leave Recent unset or set Budget instead.", nameof(options));
        return recent;
    }
}
