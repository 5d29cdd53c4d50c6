namespace SirArena.Simulation.Loop;

/// <summary>
/// A resolved round: the turn, the agent's choice and the outcome. Each game derives a record that adds what
/// happened (the opponent's move; whether a question was answered right and how far back the request was).
/// </summary>
public abstract record RoundResult(Turn Turn, AgentChoice Choice, Outcome Outcome)
{
    /// <summary>The chosen candidate's text, exactly what is appended after the prompt ("B").</summary>
    public string Answer => Turn.Candidates[Choice.Index];
}
