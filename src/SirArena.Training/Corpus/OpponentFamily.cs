using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// The wide family of Rock-Paper-Scissors players the corpus is drawn from (issue 8, item 1): biased players with a
/// bias drawn per stream, uniform, players switching their bias at random intervals, cyclic and beat-last players.
/// Biased and switching players dominate because those are the ones a counting reader can beat.
/// </summary>
public static class OpponentFamily
{
    public static IOpponentStrategy Draw(StableRandom random, long rounds)
    {
        double u = random.NextDouble();
        if (u < 0.45) return new BiasedStrategy(RandomBias(random));
        if (u < 0.70) return new RandomSwitchingStrategy(random, rounds, minInterval: 30, maxInterval: 400);
        if (u < 0.80) return BiasedStrategy.Uniform;
        if (u < 0.90) return new CyclicStrategy(RandomSequence(random));
        return new BeatLastStrategy((Move)random.NextInt(3));
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

    static Move[] RandomSequence(StableRandom random)
    {
        var sequence = new Move[random.NextInt(2, 4)];
        for (int i = 0; i < sequence.Length; i++) sequence[i] = (Move)random.NextInt(3);
        return sequence;
    }
}
