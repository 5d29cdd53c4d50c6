using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Recall accuracy of one agent when <see cref="From"/>..<see cref="To"/> (inclusive) unrelated questions lay
/// between request and recall. A caller that knows how many questions fit a policy's window reads "recall beyond the
/// window" off these rows (bins of width 1 give exact distances).
/// </summary>
public sealed record RecallBin(string Agent, int From, int To, Proportion Correct);
