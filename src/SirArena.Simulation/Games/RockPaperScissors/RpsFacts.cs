using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// What a scripted RPS agent may know in a round: the moves of the previous round (null in round 0). The opponent's
/// move is exactly what the user's line says; the agent's own is what it answered.
/// </summary>
public sealed record RpsFacts(Move? OpponentPreviousMove, Move? AgentPreviousMove) : TurnFacts;

/// <summary>The truth of an RPS round: the opponent's distribution for this round, and what it means per candidate.</summary>
public sealed record RpsTruth(IReadOnlyList<double> CandidateWinProbabilities, MoveDistribution OpponentDistribution)
    : TurnTruth(CandidateWinProbabilities)
{
    /// <summary>Candidate i (the move i) wins when the opponent plays the move it beats.</summary>
    public static RpsTruth From(MoveDistribution opponent) =>
        new(MoveRules.All.Select(move => opponent.Of(LoserTo(move))).ToArray(), opponent);

    private static Move LoserTo(Move move) => MoveRules.All.Single(m => MoveRules.BeaterOf(m) == move);
}

/// <summary>A resolved RPS round: both moves and the outcome for the agent.</summary>
public sealed record RpsRoundResult(Turn Turn, AgentChoice Choice, Outcome Outcome, Move AgentMove, Move OpponentMove)
    : RoundResult(Turn, Choice, Outcome);
