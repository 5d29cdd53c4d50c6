using SirArena.Simulation.Statistics;
using ScottPlot;

namespace SirArena.Arena.Reports;

/// <summary>
/// What every plot of the report shares: titles and axis labels, one colour per agent across all plots (so a reader
/// follows an agent from figure to figure), the reference agent (the oracle) as a thin black line, a grey dashed
/// chance line, light bands so that overlapping ones stay readable, the legend beside the data (never over it), a y
/// axis fitted to the data, rates drawn in percent, and saving as PNG.
/// </summary>
internal static class PlotCanvas
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>The narrowest x axis drawn, in data units (rounds, questions): a single bin still gets room around it.</summary>
    private const double MinimumXSpan = 10;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static Color ColorOf(int agentIndex) => Palette.GetColor(agentIndex);

    /// <summary>A horizontal grey dotted line at <paramref name="percent"/>, e.g. what uniform random play wins, or
    /// no difference at all on a plot of differences.</summary>
    public static void Chance(Plot plot, double percent, string label)
    {
        var line = plot.Add.HorizontalLine(percent);
        line.Color = Colors.Gray;
        line.LinePattern = LinePattern.Dotted;
        line.LineWidth = 1.5f;
        line.LegendText = label;
    }

    /// <summary>A line with a translucent confidence band between <paramref name="low"/> and <paramref name="high"/>;
    /// the reference agent's line alone, as the ceiling the others are read against.</summary>
    public static void LineWithBand(Plot plot, double[] xs, double[] ys, double[] low, double[] high, int agentIndex, string label, bool reference)
    {
        if (!reference)
        {
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = ColorOf(agentIndex).WithAlpha(0.1);
            band.LineColor = Colors.Transparent;
        }
        Line(plot, xs, ys, agentIndex, label, reference);
    }

    /// <summary>
    /// One line per agent through its binned rates, plotted at each bin's centre in percent, with the Wilson band.
    /// </summary>
    public static void BinnedRates(Plot plot, IReadOnlyList<string> agents, IEnumerable<(string Agent, int From, int To, Proportion Rate)> bins, string? reference)
    {
        var all = bins.Where(b => b.Rate.Trials > 0).ToArray();
        for (var i = 0; i < agents.Count; i++)
        {
            var mine = all.Where(b => b.Agent == agents[i]).ToArray();
            if (mine.Length == 0) continue;
            var intervals = mine.Select(b => b.Rate.WilsonInterval()).ToArray();
            LineWithBand(
                plot,
                mine.Select(b => (b.From + b.To) / 2.0).ToArray(),
                Percent(mine.Select(b => b.Rate.Value)),
                Percent(intervals.Select(c => c.Low)),
                Percent(intervals.Select(c => c.High)),
                i,
                agents[i],
                agents[i] == reference);
        }
    }

    /// <summary>Every other agent is dashed: agents that play alike (oracle and counter against a fixed bias) draw the
    /// same curve, and a dashed line over a solid one keeps both visible. The reference is thin and black.</summary>
    public static void Line(Plot plot, double[] xs, double[] ys, int agentIndex, string label, bool reference)
    {
        var line = plot.Add.Scatter(xs, ys, reference ? Colors.Black : ColorOf(agentIndex));
        line.LegendText = reference ? label + " (reference)" : label;
        line.LineWidth = reference ? 1 : 2;
        line.LinePattern = reference || agentIndex % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;
        line.MarkerSize = xs.Length > 60 ? 0 : 5;
    }

    /// <summary>Legend to the right of the data, x axis with a little air on both sides, y axis fitted to what is drawn (within 0-100%, or -100 to 100 points
    /// when <paramref name="signed"/>, and a little air), saved as <paramref name="fileName"/> in <paramref name="folder"/>.</summary>
    public static string Save(Plot plot, string folder, string fileName, ReportOptions options, bool signed = false)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double span = Math.Max(limits.Top - limits.Bottom, 4);
        plot.Axes.SetLimitsY(Math.Max(signed ? -102 : -2, limits.Bottom - span * 0.08), Math.Min(102, limits.Top + span * 0.08));
        // Points on the frame are hard to read, and a plot of one bin would put them there.
        double width = Math.Max(limits.Right - limits.Left, MinimumXSpan);
        double centre = (limits.Left + limits.Right) / 2;
        plot.Axes.SetLimitsX(centre - width * 0.53, centre + width * 0.53);
        plot.ShowLegend(Edge.Right);
        var path = Path.Combine(folder, fileName);
        plot.SavePng(path, options.PlotWidth, options.PlotHeight);
        return path;
    }

    /// <summary>A scenario name as part of a file name: letters, digits and dashes only.</summary>
    public static string FileSafe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    public static double[] Percent(IEnumerable<double> rates) => rates.Select(r => 100 * r).ToArray();
}
