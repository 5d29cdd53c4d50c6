using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// What a scripted agent may know of a grocery turn: its kind, the item the user names (request turns only: the
/// user says it aloud), and how many unrelated questions have been asked since the request (on the recall turn:
/// the distance between request and recall).
/// </summary>
public sealed record GroceryFacts(GroceryTurnKind Kind, string? RequestedItem, int QuestionsSinceRequest) : TurnFacts;
