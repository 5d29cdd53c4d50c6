namespace SirArena.Arena.Replays;

/// <summary>One candidate answer of a round: its text ("B"), what it stands for ("paper"), the agent's score for it
/// (ln p of its first token for an LLM agent) and whether it was chosen.</summary>
public sealed record CandidateView(int Index, string Text, string Option, double Score, bool Chosen);
