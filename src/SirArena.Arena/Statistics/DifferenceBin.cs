namespace SirArena.Arena.Statistics;

/// <summary>Rounds <see cref="From"/>..<see cref="To"/> (inclusive, by round index) and the paired difference of two
/// agents' win rates over them, A minus B, with its batch-means interval.</summary>
public sealed record DifferenceBin(int From, int To, MeanInterval Difference);
