namespace SirArena.Llm.Memory;

/// <summary>
/// Forgets faster while a short memory predicts the stream better than a long one (docs/sirllm.md, "Adaptive decay").
/// Each round has a key token, the one it brought with the highest surprisal (in Rock-Paper-Scissors the opponent's
/// reported move). Two frequency tables of key tokens run side by side, a fast one (about the last 5 rounds) and a
/// slow one (about the last 100), each predicting the next key with add-<see cref="Smoothing"/> smoothing; the
/// advantage is a running mean of how many more nats of log-probability the fast table gave the key than the slow
/// one. While the stream is stationary the slow table, with more evidence, predicts better and the advantage is
/// negative: eta stays at its maximum. After a player changes its favourite the fast table catches the new one within
/// a few rounds and the advantage turns positive: eta falls linearly from <see cref="Onset"/> to its minimum at
/// <see cref="Full"/>, so the old regime's high scores fade, and it returns as the slow table catches up. A task whose
/// key tokens are new words every round (grocery questions) gives the sparse fast table no advantage.
/// </summary>
public sealed class PredictiveDecay : IAdaptiveDecay
{
    public const double FastWeight = 0.2;
    public const double SlowWeight = 0.01;
    public const double AdvantageWeight = 0.2;
    public const double Smoothing = 0.05;
    /// <summary>Advantage, in nats per round, at which eta starts to fall.</summary>
    public const double Onset = 0.05;
    /// <summary>Advantage at which eta reaches its minimum.</summary>
    public const double Full = 0.2;
    /// <summary>Rounds before the tables are trusted; eta stays at its maximum until then.</summary>
    public const int WarmUpRounds = 30;

    readonly Dictionary<int, double> fast = [], slow = [];
    double fastTotal, slowTotal, advantage;
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

    public float EtaAfter(ReadOnlySpan<int> roundIds, ReadOnlySpan<float> roundScores)
    {
        if (KeyOf(roundIds, roundScores) is { } key)
        {
            if (rounds > 0)
            {
                int seen = slow.Count + 1; // the slow table has seen every key the fast one has
                double gain = Math.Log(Predict(fast, fastTotal, key, seen)) - Math.Log(Predict(slow, slowTotal, key, seen));
                advantage += AdvantageWeight * (gain - advantage);
            }
            fastTotal = Count(fast, fastTotal, key, FastWeight);
            slowTotal = Count(slow, slowTotal, key, SlowWeight);
            rounds++;
        }
        return Eta;
    }

    public float Eta
    {
        get
        {
            if (rounds <= WarmUpRounds) return MaxEta;
            double drop = Math.Clamp((advantage - Onset) / (Full - Onset), 0, 1);
            return (float)(MaxEta - drop * (MaxEta - MinEta));
        }
    }

    /// <summary>The round's most surprising token; null for a round that brought none with a finite score.</summary>
    static int? KeyOf(ReadOnlySpan<int> ids, ReadOnlySpan<float> scores)
    {
        int? key = null;
        float best = float.NegativeInfinity;
        for (int i = 0; i < ids.Length; i++)
            if (float.IsFinite(scores[i]) && scores[i] > best) (best, key) = (scores[i], ids[i]);
        return key;
    }

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
        writer.Write(fastTotal);
        writer.Write(slowTotal);
        writer.Write(advantage);
        writer.Write(rounds);
    }

    public void ReadState(BinaryReader reader)
    {
        Read(reader, fast);
        Read(reader, slow);
        fastTotal = reader.ReadDouble();
        slowTotal = reader.ReadDouble();
        advantage = reader.ReadDouble();
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
