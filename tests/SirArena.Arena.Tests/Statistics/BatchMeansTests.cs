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

    [Fact]
    public void A_ratio_interval_is_the_residuals_t_interval_over_the_denominators_mean()
    {
        double[] x = [1, 3, 2, 4], y = [2, 4, 4, 6];

        var ratio = BatchMeans.RatioInterval(x, y)!.Value;

        // r = 2.5 / 4; residuals x - r y = (-0.25, 0.5, -0.5, 0.25), s = sqrt(0.625 / 3), t(0.975, 3) = 3.1824
        var halfWidth = 3.1824 * Math.Sqrt(0.625 / 3 / 4) / 4;
        ratio.Mean.Should().BeApproximately(0.625, 1e-12);
        ratio.Low.Should().BeApproximately(0.625 - halfWidth, 1e-4);
        ratio.High.Should().BeApproximately(0.625 + halfWidth, 1e-4);
        ratio.Units.Should().Be(4);
    }

    [Fact]
    public void A_ratio_interval_covers_the_true_ratio_about_as_often_as_it_claims()
    {
        // Blocks of a gap (oracle - B) and of a difference (A - B) that closes 70% of it, both noisy and correlated.
        var random = new Random(7);
        int covered = 0, repeats = 400;
        for (int r = 0; r < repeats; r++)
        {
            var gaps = Enumerable.Range(0, 120).Select(_ => 0.06 + 0.08 * Gaussian(random)).ToArray();
            var differences = gaps.Select(g => 0.7 * g + 0.06 * Gaussian(random)).ToArray();
            if (BatchMeans.RatioInterval(differences, gaps)!.Value.Contains(0.7)) covered++;
        }

        ((double)covered / repeats).Should().BeInRange(0.91, 0.98);
    }

    [Fact]
    public void There_is_no_ratio_without_a_positive_denominator_or_with_unequal_blocks()
    {
        BatchMeans.RatioInterval([0.1, 0.2], [0.0, 0.0]).Should().BeNull();
        BatchMeans.RatioInterval([], []).Should().BeNull();
        var unequal = () => BatchMeans.RatioInterval([0.1, 0.2], [0.3]);
        unequal.Should().Throw<ArgumentException>().WithMessage("*2 numerator blocks against 1*");
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
