using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tests.Statistics;

public class StudentTTests
{
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(5, 2.571)]
    [InlineData(10, 2.228)]
    [InlineData(19, 2.093)]
    [InlineData(20, 2.086)]
    [InlineData(30, 2.042)]
    [InlineData(120, 1.980)]
    public void The_975_quantile_matches_the_printed_table(int degreesOfFreedom, double table)
    {
        StudentT.Quantile(0.975, degreesOfFreedom).Should().BeApproximately(table, 0.0005);
    }

    [Theory]
    [InlineData(0.995, 10, 3.169)]
    [InlineData(0.95, 7, 1.895)]
    [InlineData(0.90, 3, 1.638)]
    public void Other_quantiles_match_the_printed_table(double p, int degreesOfFreedom, double table)
    {
        StudentT.Quantile(p, degreesOfFreedom).Should().BeApproximately(table, 0.0005);
    }

    [Fact]
    public void The_distribution_is_symmetric_and_tends_to_the_normal()
    {
        StudentT.Quantile(0.025, 20).Should().BeApproximately(-StudentT.Quantile(0.975, 20), 1e-12);
        StudentT.Quantile(0.5, 4).Should().Be(0);
        StudentT.TwoSided(0.95, 1_000_000).Should().BeApproximately(1.95996, 0.0001);
        StudentT.TwoSided(0.95, 20).Should().Be(StudentT.Quantile(0.975, 20));
    }

    [Fact]
    public void Impossible_arguments_are_refused()
    {
        FluentActions.Invoking(() => StudentT.Quantile(1, 5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => StudentT.Quantile(0.9, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
