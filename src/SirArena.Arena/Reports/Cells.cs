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
        return Invariant($"{100 * proportion.Value:0.0}% [{100 * low:0.0}, {100 * high:0.0}]");
    }

    public static string Percent(double? value) => value is { } v && !double.IsNaN(v) ? Invariant($"{100 * v:0.0}%") : "-";

    public static string Points(MeanInterval interval) => double.IsNaN(interval.Low)
        ? Invariant($"{100 * interval.Mean:+0.0;-0.0;0.0} pts [n/a]")
        : Invariant($"{100 * interval.Mean:+0.0;-0.0;0.0} pts [{100 * interval.Low:+0.0;-0.0;0.0}, {100 * interval.High:+0.0;-0.0;0.0}]");

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
