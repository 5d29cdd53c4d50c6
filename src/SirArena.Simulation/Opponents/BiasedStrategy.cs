using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Opponents;

/// <summary>A player with fixed move probabilities (the paper's rock-, paper- and scissors-dominant players; uniform).</summary>
public sealed record BiasedStrategy(MoveDistribution Probabilities, string Kind = BiasedStrategy.BiasedKind) : IOpponentStrategy
{
    public const string BiasedKind = "biased";
    public const string UniformKind = "uniform";

    public static BiasedStrategy Uniform { get; } = new(MoveDistribution.Uniform, UniformKind);

    public bool ReactsToAgent => false;

    public MoveDistribution Distribution(long round, Move? agentPreviousMove) => Probabilities;
}
