using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Opponents;

/// <summary>
/// A reactive player: it plays what beats the agent's previous move, and <see cref="First"/> in round 0, when there
/// is no previous move. It punishes an agent that repeats itself.
/// </summary>
public sealed record BeatLastStrategy(Move First = Move.Rock) : IOpponentStrategy, IVisiblePattern
{
    public const string BeatLastKind = "beat-last";

    public int RoundsToShow => 2;

    public string Kind => BeatLastKind;
    public bool ReactsToAgent => true;

    public MoveDistribution Distribution(long round, Move? agentPreviousMove) =>
        MoveDistribution.Certain(agentPreviousMove is { } previous ? MoveRules.BeaterOf(previous) : First);
}
