namespace SirArena.Llm.Memory;

/// <summary>
/// A decay that chooses each round's eta from what the stream showed in that round, instead of one fixed ratio.
/// <see cref="RetainedMemory"/> owns one per memory (it has state) and applies the eta it returns; the replay records
/// every eta it chose, so a rebuild never has to run it again.
/// </summary>
public interface IAdaptiveDecay
{
    /// <summary>The eta to multiply the stored scores by now that a round has ended, given the ids and raw scores
    /// (surprisals) of the tokens the round appended; at most the policy's <see cref="IMemoryPolicy.DecayRatio"/>.</summary>
    float EtaAfter(ReadOnlySpan<int> roundIds, ReadOnlySpan<float> roundScores);

    /// <summary>The eta the last round ended with (the largest before the first), from the decay's own state, so a
    /// restored decay knows it without being told.</summary>
    float Eta { get; }

    /// <summary>The eta the policy's selection follows, which may differ from the one the scores decay by (a decay
    /// that fades scores faster on a stream rich in information without giving up SirLLM's selection).</summary>
    float SelectionEta { get; }

    /// <summary>Writes what the next choice depends on, for a checkpoint.</summary>
    void WriteState(BinaryWriter writer);

    void ReadState(BinaryReader reader);
}

/// <summary>A policy whose memory decays adaptively: it hands each memory a fresh decay, and its selection may
/// depend on the eta the decay has chosen.</summary>
public interface IAdaptiveMemoryPolicy : IMemoryPolicy
{
    IAdaptiveDecay NewDecay();

    /// <summary><see cref="IMemoryPolicy.SelectKept"/> while the decay's eta is <paramref name="eta"/>.</summary>
    int[] SelectKept(ReadOnlySpan<float> scores, int incoming, float eta);
}
