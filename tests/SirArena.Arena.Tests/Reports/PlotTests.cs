using ScottPlot;
using ScottPlot.Plottables;
using SirArena.Arena.Reports;
using SirArena.Arena.Statistics;
using SirArena.Arena.Tests.Statistics;

namespace SirArena.Arena.Tests.Reports;

public class PlotTests
{
    private static readonly Lazy<IReadOnlyList<MatchOutcome>> Grocery =
        new(() => SimulatedArena.PlayAll(["frequency", "random"], ["grocery-distances"], seed: 6, rounds: 1500));

    private static readonly string[] Agents = ["frequency", "random"];

    private static Plot RecallWith(WindowEdge edge) =>
        RecallPlot.Build(GroceryRecall.ByDistance(Grocery.Value), edge, "grocery-distances", Agents, new ReportOptions());

    [Fact]
    public void A_sharp_window_edge_is_a_line_halfway_between_the_longest_held_and_the_shortest_lost_distance_named_in_the_legend()
    {
        var plot = RecallWith(new WindowEdge(LongestHeld: 18, ShortestLost: 21));

        var line = plot.GetPlottables().OfType<VerticalLine>().Should().ContainSingle().Subject;
        line.X.Should().Be(19.5);
        line.LegendText.Should().Be("streaming's window ends: held to 18, lost from 21");
        plot.GetPlottables().OfType<HorizontalSpan>().Should().BeEmpty();
    }

    [Fact]
    public void Overlapping_held_and_lost_distances_are_shaded_between_them()
    {
        var plot = RecallWith(new WindowEdge(LongestHeld: 25, ShortestLost: 12));

        // ScottPlot names a span by the axis it covers: a horizontal span covers a range of x.
        var span = plot.GetPlottables().OfType<HorizontalSpan>().Should().ContainSingle().Subject;
        (span.Left, span.Right).Should().Be((12.0, 25.0));
        span.LegendText.Should().Be("streaming's window ends: held to 25, lost from 12");
        plot.GetPlottables().OfType<VerticalLine>().Should().BeEmpty();
    }

    [Fact]
    public void A_reference_that_held_no_request_is_marked_at_the_shortest_distance_and_says_so()
    {
        var plot = RecallWith(new WindowEdge(LongestHeld: null, ShortestLost: 20));

        var line = plot.GetPlottables().OfType<VerticalLine>().Should().ContainSingle().Subject;
        line.X.Should().Be(20);
        line.LegendText.Should().Be("streaming held no request (from 20)");
    }

    [Fact]
    public void The_difference_plot_draws_each_bins_paired_difference_in_points_with_a_zero_line()
    {
        MatchOutcome[] outcomes =
        [
            SimulatedArena.Play("frequency", "rock-biased", 2, 1000),
            SimulatedArena.Play("random", "rock-biased", 2, 1000),
        ];
        var options = new ReportOptions();
        var bins = DifferenceOverRounds.Of(outcomes, "frequency", "random", "rock-biased", options.DifferenceBinWidth);

        var plot = DifferencePlot.Build(outcomes, "rock-biased", new AgentPair("frequency", "random"), Agents, options)!;

        var line = plot.GetPlottables().OfType<Scatter>().Should().ContainSingle().Subject;
        var points = line.Data.GetScatterPoints();
        points.Select(p => p.X).Should().Equal(99.5, 299.5, 499.5, 699.5, 899.5);
        points.Select(p => p.Y).Should().Equal(bins.Select(b => 100 * b.Difference.Mean));
        plot.GetPlottables().OfType<HorizontalLine>().Should().ContainSingle().Which.Y.Should().Be(0);
        DifferencePlot.Build(outcomes, "rock-biased", new AgentPair("frequency", "absent"), Agents, options).Should().BeNull();
    }
}
