namespace SirArena.Arena.Statistics;

/// <summary>
/// Quantiles of Student's t distribution for whole degrees of freedom, as batch-means intervals need them.
/// The distribution function uses the closed forms for integer df (Abramowitz and Stegun 1964, 26.7.3 and 26.7.4):
/// with theta = atan(t / sqrt(df)), P(|T| &lt; t) is a finite series in cos^2(theta), so no table or incomplete beta
/// function is needed; the quantile is found by bisection, monotone and exact to about 1e-12.
/// </summary>
public static class StudentT
{
    /// <summary>Larger df are treated as this many: the series needs about df/2 terms, and beyond it the quantiles
    /// of interest move by under 1e-5 (t_0.975 is 1.95998 here, 1.95996 in the normal limit).</summary>
    public const int MaxDegreesOfFreedom = 100_000;

    /// <summary>The t with P(T &lt;= t) = <paramref name="p"/> for <paramref name="degreesOfFreedom"/>.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (p < 0.5) return -Quantile(1 - p, degreesOfFreedom);
        if (p == 0.5) return 0;
        degreesOfFreedom = Math.Min(degreesOfFreedom, MaxDegreesOfFreedom);

        var target = 2 * p - 1; // P(|T| < t) for the upper quantile
        double low = 0, high = 1;
        while (CentralProbability(high, degreesOfFreedom) < target) { low = high; high *= 2; }
        for (var i = 0; i < 200 && high - low > 1e-13 * high; i++)
        {
            var mid = 0.5 * (low + high);
            if (CentralProbability(mid, degreesOfFreedom) < target) low = mid; else high = mid;
        }
        return 0.5 * (low + high);
    }

    /// <summary>The two-sided critical value for a <paramref name="confidence"/> interval (0.95 gives t_0.975).</summary>
    public static double TwoSided(double confidence, int degreesOfFreedom) =>
        Quantile(0.5 + confidence / 2, degreesOfFreedom);

    /// <summary>P(-t &lt; T &lt; t) for t &gt;= 0 (A&amp;S 26.7.3 for odd df, 26.7.4 for even df).</summary>
    public static double CentralProbability(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        var theta = Math.Atan(t / Math.Sqrt(degreesOfFreedom));
        double sin = Math.Sin(theta), cos = Math.Cos(theta), cos2 = cos * cos;
        double sum = 1, term = 1;
        if (degreesOfFreedom % 2 == 0)
        {
            for (var k = 1; k <= (degreesOfFreedom - 2) / 2; k++)
            {
                term *= (2.0 * k - 1) / (2.0 * k) * cos2;
                sum += term;
            }
            return sin * sum;
        }
        if (degreesOfFreedom == 1) return 2 * theta / Math.PI;
        for (var k = 1; k <= (degreesOfFreedom - 3) / 2; k++)
        {
            term *= 2.0 * k / (2.0 * k + 1) * cos2;
            sum += term;
        }
        return 2 / Math.PI * (theta + sin * cos * sum);
    }
}
