namespace SirArena.Arena.Replays;

/// <summary>One candidate answer of a round: its text ("B"), what it stands for ("paper"), the agent's score for it
/// (ln p of its first token for an LLM agent, of all its tokens when candidates share a first token) and whether it
/// was chosen.</summary>
public sealed record CandidateView(int Index, string Text, string Option, double Score, bool Chosen)
{
    /// <summary>The candidates of <paramref name="result"/>'s turn, in order; a score the record lacks is NaN.</summary>
    public static CandidateView[] Of(Simulation.Loop.RoundResult result) => result.Turn.Candidates
        .Select((text, i) => new CandidateView(
            i, text, i < result.Turn.Options.Count ? result.Turn.Options[i] : text,
            i < result.Choice.Scores.Count ? result.Choice.Scores[i] : double.NaN, i == result.Choice.Index))
        .ToArray();
}
