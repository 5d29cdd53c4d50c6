using System.Text.Json.Serialization;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Loop;

/// <summary>
/// A resolved round: the turn, the agent's choice and the outcome. Each game derives a record that adds what
/// happened (the opponent's move; whether a question was answered right and how far back the request was).
/// Serialises with a "game" discriminator, like <see cref="TurnFacts"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "game")]
[JsonDerivedType(typeof(RpsRoundResult), "rps")]
[JsonDerivedType(typeof(GroceryRoundResult), "grocery")]
public abstract record RoundResult(Turn Turn, AgentChoice Choice, Outcome Outcome)
{
    /// <summary>The chosen candidate's text, exactly what is appended after the prompt ("B").</summary>
    public string Answer => Turn.Candidates[Choice.Index];
}
