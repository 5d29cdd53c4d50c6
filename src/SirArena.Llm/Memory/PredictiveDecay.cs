namespace SirArena.Llm.Memory;

/// <summary>
/// Chooses each round's eta from what the stream showed (docs/sirllm.md, "Adaptive decay"). Each round has a key
/// token, the one it brought with the highest surprisal (in Rock-Paper-Scissors the opponent's reported move). Three
/// readings of the stream decide eta:
/// <list type="bullet">
/// <item>Information: a stored score halves for every <see cref="HalfLifeNats"/> nats of surprisal the stream brings,
/// so a stream full of new facts (grocery questions, about 15 nats a round) fades its old ones faster than one that
/// brings a nat a round (a move), where eta stays at its maximum. This is a ceiling on eta, not an alarm: the
/// selection stays SirLLM's.</item>
/// <item>A change of regime, read two ways: a fast frequency table of key tokens (about the last 5 rounds) predicting
/// the keys better than a slow one (about the last 100), and the model's own surprisal on the key rising above its
/// long-run mean, measured in its own standard deviations. Either lowers the selection's eta from its maximum to
/// <see cref="MinEta"/>; the first is quick on a player whose favourite changes, the second on the rounds when the
/// model is caught out.</item>
/// <item>Whether there is a regime at all: the alarms count only while the slow table predicts the keys (their mean
/// log-probability under it above <see cref="RepeatingKeysFloor"/>), since a stream whose keys are new words every
/// round has no favourite to change, and an alarm there would only evict what was asked to be kept.</item>
/// <item>Whether a short memory would read the regime right: the alarms count in proportion to how clearly the
/// favourite led the runner-up (<see cref="LeadFloor"/> to <see cref="LeadFull"/>, in a table of about the last 30
/// keys, read <see cref="LeadLag"/> rounds back so that a switch, which flattens the table, does not hide the regime
/// it ended). An alarm hands the memory to the last few rounds, which name a clear favourite (70/20/10) almost always
/// and a weak one (50/31/19) often wrongly, so a false alarm costs little where the lead is clear and much where it is
/// weak. Where it is clear the frequency alarm also sounds earlier (<see cref="OnsetEarlier"/>).</item>
/// </list>
/// </summary>
public sealed class PredictiveDecay : IAdaptiveDecay
{
    public const double FastWeight = 0.2;
    public const double SlowWeight = 0.01;
    public const double AdvantageWeight = 0.2;
    public const double Smoothing = 0.05;
    /// <summary>Advantage of the fast table, in nats per round, at which eta starts to fall.</summary>
    public const double Onset = 0.05;
    /// <summary>Advantage at which eta reaches its minimum.</summary>
    public const double Full = 0.2;
    public const double SurpriseFastWeight = 0.3;
    public const double SurpriseSlowWeight = 0.02;
    /// <summary>Rise of the key's surprisal over its long-run mean, in its long-run standard deviations, at which eta
    /// starts to fall. Deviations, not nats: the key's surprisal swings several times more in a small cache.</summary>
    public const double SurpriseOnset = 0.6;
    /// <summary>Rise at which eta reaches its minimum.</summary>
    public const double SurpriseFull = 1.2;
    /// <summary>The smallest standard deviation the rise is measured in, so a stream that has not varied yet does not
    /// turn a hundredth of a nat into an alarm.</summary>
    public const double SmallestDeviation = 0.1;
    public const double FitWeight = 0.05;
    /// <summary>Mean ln p_slow(key) below which the keys do not repeat (about twenty equally likely keys).</summary>
    public const double RepeatingKeysFloor = -3;
    public const double InformationWeight = 0.2;
    /// <summary>Nats of surprisal the stream brings while a stored score halves.</summary>
    public const double HalfLifeNats = 30;
    /// <summary>Rounds before the alarms are trusted; the selection's eta stays at its maximum until then.</summary>
    public const int WarmUpRounds = 30;
    /// <summary>Weight of a round in the table whose lead gates the alarms (about the last 30 keys).</summary>
    public const double LeadWeight = 0.033;
    /// <summary>Rounds back at which the lead is read.</summary>
    public const int LeadLag = 12;
    /// <summary>The favourite's share minus the runner-up's at and below which the alarms are silent.</summary>
    public const double LeadFloor = 0.15;
    /// <summary>The lead at and above which the alarms count fully.</summary>
    public const double LeadFull = 0.35;
    /// <summary>How much lower the frequency alarm's <see cref="Onset"/> is under a clear lead.</summary>
    public const double OnsetEarlier = 0.03;
    /// <summary>How much lower its <see cref="Full"/> is under a clear lead.</summary>
    public const double FullEarlier = 0.1;

    readonly Dictionary<int, double> fast = [], slow = [], leadTable = [];
    /// <summary>The lead after each of the last <see cref="LeadLag"/> + 1 keys, the one of round r at r modulo its length.</summary>
    readonly double[] leads = new double[LeadLag + 1];
    double fastTotal, slowTotal, leadTotal, advantage, slowFit;
    double information = double.NaN, fastSurprise = double.NaN, slowSurprise = double.NaN, spread = double.NaN;
    long rounds;

    public PredictiveDecay(float maxEta, float minEta)
    {
        MaxEta = Setting.Eta(maxEta, nameof(maxEta));
        MinEta = Setting.Eta(minEta, nameof(minEta));
        if (MinEta > MaxEta) throw new ArgumentOutOfRangeException(nameof(minEta), minEta, $"the smallest eta must not exceed the largest ({maxEta})");
    }

    public float MaxEta { get; }
    public float MinEta { get; }

    /// <summary>The running advantage of the fast table, in nats per round (for tests and docs).</summary>
    public double Advantage => advantage;

    /// <summary>How far the key's surprisal runs above its long-run mean, in its long-run standard deviations (for
    /// tests and docs).</summary>
    public double SurpriseRise => double.IsNaN(spread)
        ? 0
        : (fastSurprise - slowSurprise) / Math.Sqrt(Math.Max(spread, SmallestDeviation * SmallestDeviation));

    public float EtaAfter(ReadOnlySpan<int> roundIds, ReadOnlySpan<float> roundScores)
    {
        double brought = 0;
        foreach (var score in roundScores)
            if (float.IsFinite(score)) brought += score;
        information = Follow(information, brought, InformationWeight);
        if (KeyOf(roundIds, roundScores) is var (key, surprise))
        {
            if (rounds > 0)
            {
                int seen = slow.Count + 1; // the slow table has seen every key the fast one has
                double slowLogP = Math.Log(Predict(slow, slowTotal, key, seen));
                advantage += AdvantageWeight * (Math.Log(Predict(fast, fastTotal, key, seen)) - slowLogP - advantage);
                slowFit += FitWeight * (slowLogP - slowFit);
            }
            if (!double.IsNaN(slowSurprise))
                spread = Follow(spread, (surprise - slowSurprise) * (surprise - slowSurprise), SurpriseSlowWeight);
            fastSurprise = Follow(fastSurprise, surprise, SurpriseFastWeight);
            slowSurprise = Follow(slowSurprise, surprise, SurpriseSlowWeight);
            fastTotal = Count(fast, fastTotal, key, FastWeight);
            slowTotal = Count(slow, slowTotal, key, SlowWeight);
            leadTotal = Count(leadTable, leadTotal, key, LeadWeight);
            leads[rounds % leads.Length] = CurrentLead();
            rounds++;
        }
        return Eta;
    }

    /// <summary>The eta the scores decay by: the selection's, capped by the information ceiling.</summary>
    public float Eta => Math.Min(SelectionEta, InformationCeiling);

    /// <summary>The eta of the alarms alone: the maximum unless a change of regime shows.</summary>
    public float SelectionEta
    {
        get
        {
            if (rounds <= WarmUpRounds || slowFit < RepeatingKeysFloor) return MaxEta;
            double gate = Gate;
            double onset = Onset - OnsetEarlier * gate, full = Full - FullEarlier * gate;
            double drop = gate * Math.Max(
                Math.Clamp((advantage - onset) / (full - onset), 0, 1),
                Math.Clamp((SurpriseRise - SurpriseOnset) / (SurpriseFull - SurpriseOnset), 0, 1));
            return (float)(MaxEta - drop * (MaxEta - MinEta));
        }
    }

    /// <summary>How far the alarms count, 0 to 1, from the lead <see cref="LeadLag"/> rounds back (0 before there is one).</summary>
    public double Gate => rounds > LeadLag
        ? Math.Clamp((leads[rounds % leads.Length] - LeadFloor) / (LeadFull - LeadFloor), 0, 1)
        : 0;

    /// <summary>The favourite's share of the lead table minus the runner-up's (a lone key leads by its whole share).</summary>
    double CurrentLead()
    {
        double first = 0, second = 0;
        foreach (var count in leadTable.Values)
        {
            double share = count / leadTotal;
            if (share > first) (first, second) = (share, first);
            else if (share > second) second = share;
        }
        return first - second;
    }

    /// <summary>2^(-information per round / half-life), within [min, max]; the maximum before the first round.</summary>
    public float InformationCeiling => double.IsNaN(information)
        ? MaxEta
        : (float)Math.Clamp(Math.Pow(2, -information / HalfLifeNats), MinEta, MaxEta);

    /// <summary>The round's most surprising token and its surprisal; null for a round that brought none with a finite score.</summary>
    static (int Id, float Surprisal)? KeyOf(ReadOnlySpan<int> ids, ReadOnlySpan<float> scores)
    {
        (int Id, float Surprisal)? key = null;
        for (int i = 0; i < ids.Length; i++)
            if (float.IsFinite(scores[i]) && (key is null || scores[i] > key.Value.Surprisal)) key = (ids[i], scores[i]);
        return key;
    }

    /// <summary>A running mean that starts at its first value.</summary>
    static double Follow(double mean, double value, double weight) => double.IsNaN(mean) ? value : mean + weight * (value - mean);

    static double Predict(Dictionary<int, double> table, double total, int key, int seen) =>
        (table.GetValueOrDefault(key) + Smoothing) / (total + Smoothing * seen);

    /// <summary>Decays every count by 1 - weight and adds weight to the key; returns the new total.</summary>
    static double Count(Dictionary<int, double> table, double total, int key, double weight)
    {
        foreach (var id in table.Keys) table[id] *= 1 - weight;
        table[key] = table.GetValueOrDefault(key) + weight;
        return total * (1 - weight) + weight;
    }

    public void WriteState(BinaryWriter writer)
    {
        Write(writer, fast);
        Write(writer, slow);
        Write(writer, leadTable);
        foreach (var value in (double[])[fastTotal, slowTotal, leadTotal, advantage, slowFit, information, fastSurprise, slowSurprise, spread, .. leads])
            writer.Write(value);
        writer.Write(rounds);
    }

    public void ReadState(BinaryReader reader)
    {
        Read(reader, fast);
        Read(reader, slow);
        Read(reader, leadTable);
        fastTotal = reader.ReadDouble();
        slowTotal = reader.ReadDouble();
        leadTotal = reader.ReadDouble();
        advantage = reader.ReadDouble();
        slowFit = reader.ReadDouble();
        information = reader.ReadDouble();
        fastSurprise = reader.ReadDouble();
        slowSurprise = reader.ReadDouble();
        spread = reader.ReadDouble();
        for (int i = 0; i < leads.Length; i++) leads[i] = reader.ReadDouble();
        rounds = reader.ReadInt64();
    }

    static void Write(BinaryWriter writer, Dictionary<int, double> table)
    {
        writer.Write(table.Count);
        foreach (var (id, count) in table)
        {
            writer.Write(id);
            writer.Write(count);
        }
    }

    static void Read(BinaryReader reader, Dictionary<int, double> table)
    {
        table.Clear();
        int entries = reader.ReadInt32();
        if (entries < 0) throw new InvalidDataException($"a saved decay table holds {entries} entries");
        for (int i = 0; i < entries; i++) table[reader.ReadInt32()] = reader.ReadDouble();
    }
}
