using System.Text.Json.Serialization;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Loop;

/// <summary>
/// One round as the scenario poses it. A language-model agent appends <see cref="Prompt"/> to its context and
/// scores each of <see cref="Candidates"/> as the continuation; a scripted agent reads <see cref="Facts"/>.
/// <see cref="Truth"/> is what only an oracle may read; honest agents must ignore it.
/// </summary>
/// <param name="Scenario">The scenario's catalog name, e.g. "rock-biased".</param>
/// <param name="Round">0-based index of the round in its match.</param>
/// <param name="Prompt">The exact text fed to the model before it answers (see <see cref="DialogueFormat"/>).</param>
/// <param name="UserTurn">The user's line alone, role prefix included, for display.</param>
/// <param name="Candidates">The answer texts the agent chooses between ("A", "B", "C"; "oats").</param>
/// <param name="Options">What each candidate stands for ("rock", "paper", ...), same order as the candidates.</param>
/// <param name="Facts">What a player may know this round, typed per game (e.g. the opponent's previous move).</param>
/// <param name="Truth">Privileged knowledge for the oracle and for replays.</param>
public sealed record Turn(
    string Scenario,
    long Round,
    string Prompt,
    string UserTurn,
    IReadOnlyList<string> Candidates,
    IReadOnlyList<string> Options,
    TurnFacts Facts,
    TurnTruth Truth);

/// <summary>
/// Structured knowledge of a turn for scripted agents; each game derives its own. The discriminator lets replays
/// written with System.Text.Json read back as the right type; a new game adds its line here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "game")]
[JsonDerivedType(typeof(RpsFacts), "rps")]
[JsonDerivedType(typeof(GroceryFacts), "grocery")]
public abstract record TurnFacts;

/// <summary>
/// What the scenario knows and the agent should not: for each candidate, the probability that choosing it wins the
/// round (RPS: under the opponent's true distribution; multiple choice: 1 for the right answer, else 0).
/// Games may derive to add detail, such as the opponent's distribution.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "game")]
[JsonDerivedType(typeof(TurnTruth), "choice")]
[JsonDerivedType(typeof(RpsTruth), "rps")]
public record TurnTruth(IReadOnlyList<double> CandidateWinProbabilities);
