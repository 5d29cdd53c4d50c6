using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Opponents;

/// <summary>A player that repeats a fixed sequence of moves (by default rock, paper, scissors, rock, ...).</summary>
public sealed record CyclicStrategy : IOpponentStrategy, IVisiblePattern
{
    public const string CyclicKind = "cyclic";

    public CyclicStrategy(IReadOnlyList<Move> sequence)
    {
        if (sequence is null || sequence.Count == 0)
            throw new ArgumentException("A cyclic player needs at least one move.", nameof(sequence));
        Sequence = sequence.ToArray();
    }

    public IReadOnlyList<Move> Sequence { get; }

    public int RoundsToShow => 2 * Sequence.Count;

    public string Kind => CyclicKind;
    public bool ReactsToAgent => false;

    public MoveDistribution Distribution(long round, Move? agentPreviousMove) =>
        MoveDistribution.Certain(Sequence[(int)(round % Sequence.Count)]);
}
