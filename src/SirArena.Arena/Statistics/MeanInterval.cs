namespace SirArena.Arena.Statistics;

/// <summary>A mean with its confidence interval and the number of independent units (blocks) it rests on.</summary>
public readonly record struct MeanInterval(double Mean, double Low, double High, int Units)
{
    public bool ExcludesZero => Low > 0 || High < 0;
    public bool Contains(double value) => Low <= value && value <= High;
}
