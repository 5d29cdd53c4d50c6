using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// A biased player that changes its whole distribution at random intervals, unlike the shipped switching player's
/// fixed period and rotation: the corpus should not teach one period. The schedule is drawn once, up front, so the
/// strategy stays a pure function of the round as <see cref="IOpponentStrategy"/> requires.
/// </summary>
public sealed class RandomSwitchingStrategy : IOpponentStrategy
{
    public const string RandomSwitchingKind = "random-switching";

    readonly List<(long From, MoveDistribution Distribution)> segments = [];

    public RandomSwitchingStrategy(StableRandom random, long rounds, int minInterval, int maxInterval)
    {
        for (long from = 0; from < Math.Max(1, rounds); from += random.NextInt(minInterval, maxInterval))
            segments.Add((from, OpponentFamily.RandomBias(random)));
    }

    public string Kind => RandomSwitchingKind;
    public bool ReactsToAgent => false;

    /// <summary>The rounds at which the distribution changes (the first is 0).</summary>
    public IEnumerable<long> SwitchRounds => segments.Select(s => s.From);

    public MoveDistribution Distribution(long round, Move? agentPreviousMove)
    {
        int i = segments.Count - 1;
        while (i > 0 && segments[i].From > round) i--;
        return segments[i].Distribution;
    }
}
