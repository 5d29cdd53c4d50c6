namespace SirArena.Llm.Memory;

/// <summary>
/// SirLLM with an adaptive decay: the same selection as <see cref="SirMemory"/> (sinks, top scorers, recent tokens),
/// but each round's eta is chosen by a <see cref="PredictiveDecay"/> between <see cref="MinEta"/> and
/// <see cref="DecayRatio"/>, so memory is rigid while the opponent is predictable, fades after it changes, and fades
/// faster in a stream that brings much information a round. As the decay's selection eta falls, the slots for top
/// scorers give way to the newest tokens in proportion, so at the smallest eta the memory is StreamingLLM's window:
/// decayed scores alone cannot clear a full cache faster than new rounds push tokens out.
/// </summary>
public sealed class AdaptiveSirMemory : IAdaptiveMemoryPolicy
{
    public const string PolicyName = "sir-adaptive";
    public const float DefaultMinEta = 0.3f;

    public AdaptiveSirMemory(int start = 4, int entropy = 508, int recent = 0, float eta = 0.95f, float minEta = DefaultMinEta)
    {
        Sizes = new MemoryBudget(start, entropy, recent);
        DecayRatio = Setting.Eta(eta, nameof(eta));
        MinEta = Math.Min(Setting.Eta(minEta, nameof(minEta)), DecayRatio);
    }

    public MemoryBudget Sizes { get; }
    public string Name => PolicyName;
    public int Budget => Sizes.Total;

    /// <summary>The largest eta, kept while the stream is as predictable as it has been.</summary>
    public float DecayRatio { get; }

    /// <summary>The smallest eta, reached when the stream has turned much more surprising than it was.</summary>
    public float MinEta { get; }

    public ScoreSource Scores => ScoreSource.Surprisal;

    public IAdaptiveDecay NewDecay() => new PredictiveDecay(DecayRatio, MinEta);

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming) => SelectKept(scores, incoming, DecayRatio);

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming, float eta)
    {
        double share = DecayRatio > MinEta ? Math.Clamp((eta - MinEta) / (DecayRatio - MinEta), 0, 1) : 1;
        return KeptSlots.Select(this, scores, incoming, Sizes.Start, (int)Math.Round(Sizes.Entropy * share));
    }
}
