using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>The truth of an RPS round: the opponent's distribution for this round, and what it means per candidate.</summary>
public sealed record RpsTruth(IReadOnlyList<double> CandidateWinProbabilities, MoveDistribution OpponentDistribution)
    : TurnTruth(CandidateWinProbabilities)
{
    /// <summary>Candidate i (the move i) wins when the opponent plays the move it beats.</summary>
    public static RpsTruth From(MoveDistribution opponent) =>
        new(MoveRules.All.Select(move => opponent.Of(MoveRules.LoserTo(move))).ToArray(), opponent);
}
