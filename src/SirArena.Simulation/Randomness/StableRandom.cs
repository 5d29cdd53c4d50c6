using System.Text;

namespace SirArena.Simulation.Randomness;

/// <summary>
/// The only source of randomness in the simulation: xoshiro256** (Blackman and Vigna, 2018) seeded through
/// SplitMix64. Written here rather than borrowed from <see cref="System.Random"/> because the framework makes no
/// promise that a seed gives the same sequence in every future .NET version, and a replay must reproduce for ever.
/// The algorithm and the derivation of child generators are frozen: a test pins their first outputs.
/// </summary>
public sealed class StableRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The seed this generator started from (kept for replays and for <see cref="Derive"/>).</summary>
    public ulong Seed { get; }

    public StableRandom(ulong seed)
    {
        Seed = seed;
        // SplitMix64 spreads any seed, 0 included, over the 256-bit state; xoshiro must never start all-zero.
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>
    /// An independent generator for one purpose ("opponent", "grocery", ...), a pure function of this generator's
    /// seed and the label. Each consumer gets its own stream, so adding a consumer never shifts another's draws.
    /// </summary>
    public StableRandom Derive(string label)
    {
        var mixed = Seed ^ Fnv1a64(label);
        return new StableRandom(SplitMix64(ref mixed));
    }

    /// <summary>The next raw 64-bit output.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        // Reject the low values that would make some residues one draw more likely than others.
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold) return (int)(r % bound);
        }
    }

    /// <summary>An integer uniform in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    public int NextInt(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return min + NextInt(max - min + 1);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates, one draw per position).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Writes the generator's position (its 256-bit state), so that <see cref="ReadState"/> continues the sequence.</summary>
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(Seed);
        writer.Write(_s0);
        writer.Write(_s1);
        writer.Write(_s2);
        writer.Write(_s3);
    }

    /// <summary>Continues from a position written by <see cref="WriteState"/> for a generator of the same seed.</summary>
    public void ReadState(BinaryReader reader)
    {
        var seed = reader.ReadUInt64();
        if (seed != Seed) throw new InvalidDataException($"the saved generator was seeded {seed}, this one {Seed}");
        _s0 = reader.ReadUInt64();
        _s1 = reader.ReadUInt64();
        _s2 = reader.ReadUInt64();
        _s3 = reader.ReadUInt64();
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // A stable string hash: string.GetHashCode is randomised per process and useless for seeds.
    private static ulong Fnv1a64(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
