namespace SirArena.Cli.Benchmarks;

/// <summary>The median of repeated measurements: benchmarks on shared, noisy machines report it, not the mean.</summary>
internal static class Median
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
