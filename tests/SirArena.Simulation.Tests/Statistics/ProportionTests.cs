using SirArena.Simulation.Statistics;

namespace SirArena.Simulation.Tests.Statistics;

public class ProportionTests
{
    [Fact]
    public void The_Wilson_interval_matches_the_textbook_values()
    {
        var (low, high) = new Proportion(50, 100).WilsonInterval();
        low.Should().BeApproximately(0.4038, 0.0001);
        high.Should().BeApproximately(0.5962, 0.0001);

        var (low2, high2) = new Proportion(1, 10).WilsonInterval();
        low2.Should().BeApproximately(0.0179, 0.0001);
        high2.Should().BeApproximately(0.4042, 0.0001);
    }

    [Fact]
    public void The_interval_stays_inside_zero_and_one_at_the_edges()
    {
        var (low, high) = new Proportion(0, 20).WilsonInterval();
        low.Should().BeApproximately(0, 1e-12);
        high.Should().BeApproximately(0.1611, 0.0001);
        new Proportion(20, 20).WilsonInterval().High.Should().Be(1);
        new Proportion(0, 0).Value.Should().Be(double.NaN);
    }

    [Fact]
    public void Impossible_counts_are_rejected()
    {
        var act = () => new Proportion(11, 10);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0..10*");
    }

    [Theory]
    [InlineData(2235, 6000, "37.3")]
    [InlineData(2889, 6000, "48.2")]
    [InlineData(1, 3, "33.3")]
    public void A_share_reads_the_same_in_its_text_as_in_every_percent_cell(long successes, long trials, string percent)
    {
        var proportion = new Proportion(successes, trials);
        Proportion.Percent(proportion.Value).Should().Be(percent);
        proportion.ToString().Should().StartWith(percent + " % [");
    }
}
