using System.Globalization;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Reports;

/// <summary>How the report writes numbers: rates in percent with their 95% interval, differences in points.</summary>
internal static class Cells
{
    public static string Rate(Proportion proportion)
    {
        if (proportion.Trials == 0) return "n/a";
        var (low, high) = proportion.WilsonInterval();
        return $"{Proportion.Percent(proportion.Value)}% [{Proportion.Percent(low)}, {Proportion.Percent(high)}]";
    }

    public static string Percent(double? value) => value is { } v && !double.IsNaN(v) ? $"{Proportion.Percent(v)}%" : "-";

    /// <summary>A share in percent with its interval; "-" when there is none.</summary>
    public static string Percent(MeanInterval? share) => share switch
    {
        null => "-",
        { Low: var low } s when double.IsNaN(low) => Percent(s.Mean),
        { } s => $"{Proportion.Percent(s.Mean)}% [{Proportion.Percent(s.Low)}, {Proportion.Percent(s.High)}]",
    };

    public static string Points(MeanInterval interval) => double.IsNaN(interval.Low)
        ? $"{Signed(100 * interval.Mean)} pts [n/a]"
        : $"{Signed(100 * interval.Mean)} pts [{Signed(100 * interval.Low)}, {Signed(100 * interval.High)}]";

    /// <summary>Points with one decimal, or two where one would round to zero, so a bound just below or above zero
    /// still shows on which side it lies (whether an interval excludes zero is what a reader looks for).</summary>
    static string Signed(double points) => Math.Abs(points) is > 0 and < 0.05
        ? Invariant($"{points:+0.00;-0.00;0.00}")
        : Invariant($"{points:+0.0;-0.0;0.0}");

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
