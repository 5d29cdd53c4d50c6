namespace SirArena.Arena.Replays;

/// <summary>One candidate answer of a round: its text ("B"), what it stands for ("paper"), the agent's score for it
/// (ln p of its first token for an LLM agent, of all its tokens when candidates share a first token) and whether it
/// was chosen.</summary>
public sealed record CandidateView(int Index, string Text, string Option, double Score, bool Chosen);
