using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>Which of the grocery task's three turns a turn is.</summary>
public enum GroceryTurnKind
{
    /// <summary>"I want you to buy the GROCERY: [oats]." answered "OK"; not scored.</summary>
    Request,

    /// <summary>One of the K multiple-choice questions between request and recall.</summary>
    Unrelated,

    /// <summary>"Which one is the GROCERY that I want you to buy earlier?"</summary>
    Recall,
}

/// <summary>
/// What a scripted agent may know of a grocery turn: its kind, the item the user names (request turns only: the
/// user says it aloud), and how many unrelated questions have been asked since the request (on the recall turn:
/// the distance between request and recall).
/// </summary>
public sealed record GroceryFacts(GroceryTurnKind Kind, string? RequestedItem, int QuestionsSinceRequest) : TurnFacts;

/// <summary>
/// A resolved grocery turn. <see cref="Distance"/> is the number of unrelated questions between the request and
/// this turn (for a recall: between request and recall). A right answer is <see cref="Outcome.Win"/>, a wrong one
/// <see cref="Outcome.Loss"/>, the request <see cref="Outcome.Unscored"/>.
/// </summary>
public sealed record GroceryRoundResult(
    Turn Turn, AgentChoice Choice, Outcome Outcome, GroceryTurnKind Kind, int CorrectIndex, string Item, int Distance)
    : RoundResult(Turn, Choice, Outcome)
{
    public bool IsCorrect => Choice.Index == CorrectIndex;
}
