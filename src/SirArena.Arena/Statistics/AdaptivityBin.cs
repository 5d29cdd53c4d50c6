using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>An agent's wins in the rounds <see cref="From"/>..<see cref="To"/> (inclusive) after a switch, pooled
/// over all switches and seeds, with the Wilson interval that draws the confidence band.</summary>
public sealed record AdaptivityBin(string Agent, int From, int To, Proportion Wins);
