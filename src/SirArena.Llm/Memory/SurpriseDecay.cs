namespace SirArena.Llm.Memory;

/// <summary>
/// Forgets faster when the stream turns surprising (docs/sirllm.md, "Adaptive decay"). Each round it takes the
/// largest surprisal the round brought (in Rock-Paper-Scissors the opponent's reported move; the template is near
/// zero) and keeps a fast running mean of it (about the last 10 rounds) beside a slow mean and variance (about the
/// last 50). The rise of the fast mean over the slow one is measured in standard errors of the fast mean, so the
/// ordinary round-to-round spread of a biased player's moves moves nothing: below <see cref="Onset"/> standard errors
/// eta stays at its maximum; from there it falls linearly to its minimum, reached at <see cref="Full"/>. A player who
/// switches its favourite makes the moves the model expected least come often, the rise passes both marks within a
/// few rounds, and the memories of the old regime fade while the new one fills the cache; once the slow mean has
/// caught up, eta is back at its maximum. A task whose rounds are all about equally surprising (grocery: every
/// question brings new words) keeps the maximum.
/// </summary>
public sealed class SurpriseDecay : IAdaptiveDecay
{
    public const double FastWeight = 0.1;
    public const double SlowWeight = 0.02;
    /// <summary>Rise, in standard errors of the fast mean, at which eta starts to fall.</summary>
    public const double Onset = 1;
    /// <summary>Rise at which eta reaches its minimum.</summary>
    public const double Full = 3;
    /// <summary>The spread is never taken below this share of the slow mean, so a stream that has been constant does
    /// not turn the smallest change into a switch.</summary>
    public const double SpreadFloor = 0.1;
    /// <summary>Rounds before the slow mean is trusted; eta stays at its maximum until then.</summary>
    public const int WarmUpRounds = 20;

    static readonly double FastMeanSpread = Math.Sqrt(FastWeight / (2 - FastWeight)); // sd of an EMA over independent rounds, per sd of a round

    double fast, slow, variance;
    long rounds;

    public SurpriseDecay(float maxEta, float minEta)
    {
        MaxEta = Setting.Eta(maxEta, nameof(maxEta));
        MinEta = Setting.Eta(minEta, nameof(minEta));
        if (MinEta > MaxEta) throw new ArgumentOutOfRangeException(nameof(minEta), minEta, $"the smallest eta must not exceed the largest ({maxEta})");
    }

    public float MaxEta { get; }
    public float MinEta { get; }

    public float EtaAfter(ReadOnlySpan<float> roundScores)
    {
        double peak = 0;
        foreach (float score in roundScores)
            if (float.IsFinite(score) && score > peak) peak = score;
        if (++rounds == 1)
        {
            fast = slow = peak;
        }
        else
        {
            double deviation = peak - slow;
            slow += SlowWeight * deviation;
            variance = (1 - SlowWeight) * (variance + SlowWeight * deviation * deviation);
            fast += FastWeight * (peak - fast);
        }
        double spread = Math.Max(Math.Sqrt(variance), SpreadFloor * slow) * FastMeanSpread;
        if (rounds <= WarmUpRounds || spread <= 0) return MaxEta;
        double drop = Math.Clamp(((fast - slow) / spread - Onset) / (Full - Onset), 0, 1);
        return (float)(MaxEta - drop * (MaxEta - MinEta));
    }

    public void WriteState(BinaryWriter writer)
    {
        writer.Write(fast);
        writer.Write(slow);
        writer.Write(variance);
        writer.Write(rounds);
    }

    public void ReadState(BinaryReader reader)
    {
        fast = reader.ReadDouble();
        slow = reader.ReadDouble();
        variance = reader.ReadDouble();
        rounds = reader.ReadInt64();
    }
}
