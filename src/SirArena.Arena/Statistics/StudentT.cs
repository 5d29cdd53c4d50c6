namespace SirArena.Arena.Statistics;

/// <summary>
/// Quantiles of Student's t distribution, as batch-means intervals need them, from MathNet.Numerics; the lower tail is
/// the upper one mirrored, so an interval's two ends are exactly symmetric.
/// </summary>
public static class StudentT
{
    /// <summary>The t with P(T &lt;= t) = <paramref name="p"/> for <paramref name="degreesOfFreedom"/>.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (p < 0.5) return -Quantile(1 - p, degreesOfFreedom);
        if (p == 0.5) return 0;
        return MathNet.Numerics.Distributions.StudentT.InvCDF(location: 0, scale: 1, freedom: degreesOfFreedom, p: p);
    }

    /// <summary>The two-sided critical value for a <paramref name="confidence"/> interval (0.95 gives t_0.975).</summary>
    public static double TwoSided(double confidence, int degreesOfFreedom) =>
        Quantile(0.5 + confidence / 2, degreesOfFreedom);
}
