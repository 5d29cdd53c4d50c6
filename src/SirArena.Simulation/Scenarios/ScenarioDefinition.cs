using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Scenarios;

/// <summary>
/// A validated scenario file: immutable, shareable, and a factory of fresh scenario instances (one per match).
/// The seed is the match's: each scenario derives its own generator from it under a fixed label, so the same seed
/// gives the same opponent moves or questions whichever agent plays.
/// </summary>
public abstract record ScenarioDefinition(string Name, string SourceFile, string? Description)
{
    public abstract IScenario Create(ulong seed);
}

/// <summary>Rock-Paper-Scissors against the scripted player of <see cref="Strategy"/>.</summary>
public sealed record RpsScenarioDefinition(string Name, string SourceFile, string? Description, IOpponentStrategy Strategy)
    : ScenarioDefinition(Name, SourceFile, Description)
{
    public const string RandomLabel = "opponent";

    public ScriptedOpponent CreateOpponent(ulong seed) => new(Name, Strategy, new StableRandom(seed).Derive(RandomLabel));

    public override IScenario Create(ulong seed) => new RpsScenario(CreateOpponent(seed));
}

/// <summary>The grocery task with its items and question bank; change K with <c>definition with { Options = ... }</c>.</summary>
public sealed record GroceryScenarioDefinition(
    string Name, string SourceFile, string? Description, GroceryOptions Options, IReadOnlyList<string> Items, QuestionBank Questions)
    : ScenarioDefinition(Name, SourceFile, Description)
{
    public const string RandomLabel = "grocery";

    public override IScenario Create(ulong seed) =>
        new GroceryScenario(Name, Items, Questions, Options, new StableRandom(seed).Derive(RandomLabel));
}
