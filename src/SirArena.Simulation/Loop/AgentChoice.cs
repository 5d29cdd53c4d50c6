namespace SirArena.Simulation.Loop;

/// <summary>
/// An agent's answer to a turn: the index of the chosen candidate and one score per candidate (log-probabilities
/// for a language model, counts or probabilities for a scripted agent), kept for replays. Higher means preferred.
/// </summary>
public sealed record AgentChoice(int Index, IReadOnlyList<double> Scores)
{
    /// <summary>Picks the best score, the earliest candidate winning ties, and keeps all scores.</summary>
    public static AgentChoice ArgMax(IReadOnlyList<double> scores)
    {
        if (scores.Count == 0) throw new ArgumentException("There must be at least one candidate score.", nameof(scores));
        var best = 0;
        for (var i = 1; i < scores.Count; i++)
            if (scores[i] > scores[best]) best = i;
        return new AgentChoice(best, scores);
    }
}
