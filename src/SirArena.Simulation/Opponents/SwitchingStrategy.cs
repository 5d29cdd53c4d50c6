using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Opponents;

/// <summary>
/// A biased player whose favourite moves on every <see cref="Period"/> rounds, in rock, paper, scissors order:
/// rounds 0..Period-1 favour <see cref="First"/>, the next Period rounds the move after it, and so on. It tests
/// whether an agent's memory lets go of stale evidence (SirLLM's decay).
/// </summary>
public sealed record SwitchingStrategy : IOpponentStrategy, ISwitchSchedule
{
    public const string SwitchingKind = "switching";
    public const int DefaultPeriod = 200;

    public SwitchingStrategy(Move first, int period, PreferenceMix mix)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        First = first;
        Period = period;
        Mix = mix ?? throw new ArgumentNullException(nameof(mix));
    }

    public Move First { get; }
    public int Period { get; }
    public PreferenceMix Mix { get; }

    public string Kind => SwitchingKind;
    public bool ReactsToAgent => false;

    /// <summary>The favourite in <paramref name="round"/>.</summary>
    public Move FavouriteAt(long round) => (Move)(((long)First + round / Period) % 3);

    public MoveDistribution Distribution(long round, Move? agentPreviousMove) =>
        MoveDistribution.Favouring(FavouriteAt(round), Mix);

    /// <summary>Every multiple of <see cref="Period"/>: the favourite moves on to the next move there.</summary>
    public IEnumerable<long> SwitchesBefore(long rounds)
    {
        for (long round = Period; round < rounds; round += Period) yield return round;
    }
}
