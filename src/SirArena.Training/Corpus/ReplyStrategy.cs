using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Opponents;

namespace SirArena.Training.Corpus;

/// <summary>
/// A reactive player whose move is a fixed reply to the agent's previous move: copy it, or lose to it. Beside the
/// shipped <see cref="BeatLastStrategy"/> the corpus has all three replies, so that the model learns to read the
/// rule from the visible rounds rather than to assume one.
/// </summary>
public sealed record ReplyStrategy(string Kind, Func<Move, Move> Reply, Move First) : IOpponentStrategy
{
    public static ReplyStrategy CopyLast(Move first) => new("copy-last", m => m, first);
    public static ReplyStrategy LoseToLast(Move first) => new("lose-to-last", MoveRules.LoserTo, first);

    public bool ReactsToAgent => true;

    public MoveDistribution Distribution(long round, Move? agentPreviousMove) =>
        MoveDistribution.Certain(agentPreviousMove is { } previous ? Reply(previous) : First);
}
