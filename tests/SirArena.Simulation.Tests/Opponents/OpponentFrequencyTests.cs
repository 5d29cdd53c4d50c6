using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Opponents;

public class OpponentFrequencyTests
{
    private const int Draws = 20_000;

    // Chi-square with 2 degrees of freedom: 13.82 is exceeded by chance with probability 0.001.
    private const double ChiSquareCritical = 13.82;

    [Theory]
    [InlineData("rock-biased", 0.50, 0.31, 0.19)]
    [InlineData("paper-biased", 0.20, 0.50, 0.30)]
    [InlineData("scissors-biased", 0.29, 0.20, 0.51)]
    [InlineData("uniform", 1.0 / 3, 1.0 / 3, 1.0 / 3)]
    public void A_shipped_player_plays_its_papers_frequencies(string name, double rock, double paper, double scissors)
    {
        var counts = Count(name, seed: 2024);
        var expected = new MoveDistribution(rock, paper, scissors);

        Shipped.Rps(name).CreateOpponent(0).Distribution(0, null).Should().Be(expected);
        ChiSquare(counts, expected).Should().BeLessThan(ChiSquareCritical);
        foreach (var move in MoveRules.All)
            ((double)counts[(int)move] / Draws).Should().BeApproximately(expected.Of(move), 0.015, $"{move} of {name}");
    }

    [Fact]
    public void The_test_has_the_power_to_tell_the_paper_players_apart()
    {
        var counts = Count("rock-biased", seed: 2024);
        ChiSquare(counts, Shipped.Rps("scissors-biased").Strategy.Distribution(0, null)).Should().BeGreaterThan(ChiSquareCritical * 10);
    }

    private static long[] Count(string name, ulong seed)
    {
        var opponent = Shipped.Rps(name).CreateOpponent(seed);
        var counts = new long[3];
        for (var round = 0; round < Draws; round++) counts[(int)opponent.Play(round, null)]++;
        return counts;
    }

    private static double ChiSquare(long[] counts, MoveDistribution expected) =>
        MoveRules.All.Sum(move =>
        {
            var e = expected.Of(move) * Draws;
            var d = counts[(int)move] - e;
            return d * d / e;
        });
}
