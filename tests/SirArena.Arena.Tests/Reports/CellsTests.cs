using SirArena.Arena.Reports;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tests.Reports;

public class CellsTests
{
    [Theory]
    [InlineData(-0.0085, -0.0166, -0.0004, "-0.9 pts [-1.7, -0.04]")]
    [InlineData(-0.0085, -0.0166, 0.0004, "-0.9 pts [-1.7, +0.04]")]
    [InlineData(0.038, 0.028, 0.048, "+3.8 pts [+2.8, +4.8]")]
    [InlineData(0, 0, 0, "0.0 pts [0.0, 0.0]")]
    public void A_difference_shows_on_which_side_of_zero_each_bound_lies(double mean, double low, double high, string expected)
    {
        Cells.Points(new MeanInterval(mean, low, high, 40)).Should().Be(expected);
    }
}
