namespace SirArena.Simulation.Statistics;

/// <summary>
/// A success count out of a number of trials (a win rate, a recall accuracy) with its Wilson score interval, which
/// stays inside [0, 1] and behaves at 0 or n successes and small n, where the normal approximation does not
/// (Wilson, 1927).
/// </summary>
public readonly record struct Proportion
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public Proportion(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Successes must lie in 0..{trials}.");
        Successes = successes;
        Trials = trials;
    }

    public long Successes { get; }
    public long Trials { get; }

    /// <summary>The observed share; NaN when there were no trials (there is nothing to estimate).</summary>
    public double Value => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>The Wilson score interval; [0, 1] when there were no trials.</summary>
    public (double Low, double High) WilsonInterval(double z = Z95)
    {
        if (Trials == 0) return (0, 1);
        double n = Trials, p = Value, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var halfWidth = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }

    public override string ToString()
    {
        if (Trials == 0) return "n/a (0 trials)";
        var (low, high) = WilsonInterval();
        return $"{Percent(Value)} % [{Percent(low)} %, {Percent(high)} %] ({Successes}/{Trials})";
    }

    /// <summary>A share in percent with one decimal (0.4815 -> "48.2"), however the culture writes numbers: every
    /// console line and report cell rounds through here, so the same count never reads differently in two places.</summary>
    public static string Percent(double share) => (100 * share).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
