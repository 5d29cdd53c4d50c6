using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Training.Corpus;

/// <summary>
/// The best answer the visible evidence supports, read from the tokens of a window only, never
/// from the opponent's hidden distribution: a model can do no better than what its context shows.
/// </summary>
public static class EvidenceTargets
{
    /// <summary>Rock-Paper-Scissors: the candidate that beats the move a visible rule predicts (<see cref="SequenceEvidence"/>); null when no rule shows.</summary>
    public static int? RuleCandidate(IReadOnlyList<StreamToken> visible) =>
        SequenceEvidence.PredictedMove(visible) is { } predicted ? (int)MoveRules.BeaterOf(predicted) : null;

    /// <summary>
    /// Rock-Paper-Scissors by counting: the candidate that beats the most frequent opponent move visible in
    /// <paramref name="visible"/>. Ties go to the tied move reported most recently (recency is the evidence that breaks
    /// them, and it follows a player who switches). Null when no move is visible: nothing to count, nothing to train.
    /// </summary>
    public static int? BestRpsCandidate(IReadOnlyList<StreamToken> visible)
    {
        var counts = new int[3];
        var lastSeen = new[] { -1, -1, -1 };
        for (int i = 0; i < visible.Count; i++)
        {
            if (visible[i].Role != TokenRole.OpponentMove) continue;
            counts[visible[i].Tag]++;
            lastSeen[visible[i].Tag] = i;
        }
        int most = counts.Max();
        if (most == 0) return null;
        int best = -1;
        for (int move = 0; move < 3; move++)
            if (counts[move] == most && (best < 0 || lastSeen[move] > lastSeen[best])) best = move;
        return (int)MoveRules.BeaterOf((Move)best);
    }

    /// <summary>
    /// The grocery recall: the right candidate when every token of the requested item of <paramref name="episode"/>
    /// is still visible, else null (the request is gone; no answer is better than another).
    /// </summary>
    public static int? RecallCandidate(IReadOnlyList<StreamToken> visible, int episode, int itemTokens, int correctIndex)
    {
        int present = 0;
        foreach (var token in visible)
            if (token.Role == TokenRole.Item && token.Tag == episode) present++;
        return present == itemTokens && itemTokens > 0 ? correctIndex : null;
    }
}
