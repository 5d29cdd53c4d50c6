using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.Grocery;

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
