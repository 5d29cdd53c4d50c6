using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// The Rock-Paper-Scissors players the corpus is drawn from. <see cref="Counting"/>: biased players with a bias drawn
/// per stream, players switching their bias at random intervals, uniform, short cycles and beat-last; biased and
/// switching players dominate because counting beats them. <see cref="Sequence"/>: cycles of every period 2-6 and
/// players replying to the agent's previous move (beat it, copy it, lose to it), whose answers are trained toward what
/// a visible rule predicts (see <see cref="SequenceEvidence"/>).
/// </summary>
public static class OpponentFamily
{
    public static IOpponentStrategy Counting(StableRandom random, long rounds)
    {
        double u = random.NextDouble();
        if (u < 0.45) return new BiasedStrategy(RandomBias(random));
        if (u < 0.70) return new RandomSwitchingStrategy(random, rounds, minInterval: 30, maxInterval: 400);
        if (u < 0.80) return BiasedStrategy.Uniform;
        if (u < 0.90) return new CyclicStrategy(RandomCycle(random, random.NextInt(2, 4)));
        return new BeatLastStrategy((Move)random.NextInt(3));
    }

    /// <summary>A cycle (three in five) or a player replying to the agent's previous move.</summary>
    public static IOpponentStrategy Sequence(StableRandom random)
    {
        if (random.NextDouble() < 0.6) return new CyclicStrategy(RandomCycle(random, random.NextInt(2, SequenceEvidence.LongestPeriod + 1)));
        var first = (Move)random.NextInt(3);
        return random.NextInt(3) switch
        {
            0 => new BeatLastStrategy(first),
            1 => ReplyStrategy.CopyLast(first),
            _ => ReplyStrategy.LoseToLast(first),
        };
    }

    /// <summary>A favourite with 40-70%, the rest split at random between the other two moves.</summary>
    public static MoveDistribution RandomBias(StableRandom random)
    {
        double favourite = 0.40 + 0.30 * random.NextDouble();
        double next = (1 - favourite) * random.NextDouble();
        double last = 1 - favourite - next;
        // Keep the favourite the single likeliest move, so "the best reply" is well defined.
        if (next > favourite || last > favourite) (next, last) = ((1 - favourite) / 2, (1 - favourite) / 2);
        return MoveDistribution.Favouring((Move)random.NextInt(3), new PreferenceMix(favourite, next, last));
    }

    /// <summary>A sequence of <paramref name="period"/> moves that does not repeat a shorter one, so the period is exact.</summary>
    public static Move[] RandomCycle(StableRandom random, int period)
    {
        while (true)
        {
            var sequence = new Move[period];
            for (int i = 0; i < period; i++) sequence[i] = (Move)random.NextInt(3);
            if (Enumerable.Range(1, period - 1).All(p => period % p != 0 || Enumerable.Range(0, period).Any(i => sequence[i] != sequence[(i + p) % period])))
                return sequence;
        }
    }
}
