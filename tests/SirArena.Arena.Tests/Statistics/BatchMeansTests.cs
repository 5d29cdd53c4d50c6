using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tests.Statistics;

public class BatchMeansTests
{
    [Theory]
    [InlineData(6000, 50)]
    [InlineData(1000, 50)]
    [InlineData(300, 15)]
    [InlineData(10, 1)]
    public void Blocks_are_50_rounds_unless_that_leaves_fewer_than_20(long rounds, int expected)
    {
        BatchMeans.BlockSize(rounds).Should().Be(expected);
    }

    [Fact]
    public void Block_means_drop_an_incomplete_last_block()
    {
        BatchMeans.BlockMeans([1, 3, 2, 2, 10], 2).Should().Equal(2, 2);
    }

    [Fact]
    public void The_interval_is_a_t_interval_over_the_block_means()
    {
        var interval = BatchMeans.Interval([1, 2, 3, 4, 5]);

        // s = sqrt(2.5), t(0.975, 4) = 2.7764
        var halfWidth = 2.7764 * Math.Sqrt(2.5 / 5);
        interval.Mean.Should().Be(3);
        interval.Low.Should().BeApproximately(3 - halfWidth, 1e-3);
        interval.High.Should().BeApproximately(3 + halfWidth, 1e-3);
        interval.Units.Should().Be(5);
    }

    [Fact]
    public void One_block_gives_a_mean_but_no_interval()
    {
        var interval = BatchMeans.Interval([0.5]);
        interval.Mean.Should().Be(0.5);
        double.IsNaN(interval.Low).Should().BeTrue();
    }
}
