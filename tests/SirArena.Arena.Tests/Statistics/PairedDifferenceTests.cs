using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tests.Statistics;

public class PairedDifferenceTests
{
    [Fact]
    public void A_large_known_difference_lies_inside_an_interval_that_excludes_zero()
    {
        // Against rock 50%, the oracle wins 50% and a random player 1/3: the true difference is 1/6.
        MatchOutcome[] outcomes =
        [
            SimulatedArena.Play("oracle", "rock-biased", 5, 2000),
            SimulatedArena.Play("random", "rock-biased", 5, 2000),
        ];

        var comparison = PairedDifference.Compare(outcomes, "oracle", "random", ["rock-biased"])!;

        comparison.Difference.Contains(1.0 / 6).Should().BeTrue($"{comparison.Difference} should contain 1/6");
        comparison.Difference.ExcludesZero.Should().BeTrue();
        comparison.Difference.High.Should().BeLessThan(0.25, "2,000 paired rounds pin the difference to a few points");
        comparison.BlockSize.Should().Be(50);
        comparison.Difference.Units.Should().Be(40);
        comparison.Difference.Mean.Should().BeApproximately(comparison.WinRateA - comparison.WinRateB, 1e-12);
    }

    [Fact]
    public void Two_players_of_one_distribution_give_an_interval_around_zero()
    {
        MatchOutcome[] outcomes =
        [
            SimulatedArena.Play("random", "paper-biased", 9, 2000, name: "random-1", agentSeed: 1),
            SimulatedArena.Play("random", "paper-biased", 9, 2000, name: "random-2", agentSeed: 2),
        ];

        var comparison = PairedDifference.Compare(outcomes, "random-1", "random-2", ["paper-biased"])!;

        comparison.Difference.Contains(0).Should().BeTrue($"{comparison.Difference} should contain 0");
        (comparison.Difference.High - comparison.Difference.Low).Should().BeLessThan(0.12);
    }

    [Fact]
    public void Pooling_concatenates_the_blocks_of_every_scenario_and_measures_the_gap_to_the_oracle()
    {
        var outcomes = SimulatedArena.PlayAll(["frequency", "random", "oracle"], SimulatedArena.Biased, seed: 21, rounds: 1000);

        var comparison = PairedDifference.Compare(outcomes, "frequency", "random", SimulatedArena.Biased, oracle: "oracle")!;

        comparison.Scenarios.Should().Equal(SimulatedArena.Biased);
        comparison.Rounds.Should().Be(3000);
        comparison.Difference.Units.Should().Be(60);
        comparison.OracleWinRate.Should().BeApproximately(0.5, 0.03);
        var gap = comparison.GapClosed!.Value;
        gap.Mean.Should().BeInRange(0.8, 1.1, "counting every move is nearly as good as knowing the mix");
        gap.Mean.Should().BeApproximately(comparison.Difference.Mean / (comparison.OracleWinRate!.Value - comparison.WinRateB), 1e-12);
        gap.Units.Should().Be(60);
        gap.Contains(gap.Mean).Should().BeTrue();
        (gap.High - gap.Low).Should().BeInRange(0.01, 0.5, "3,000 paired rounds pin the share to some points, not exactly");
    }

    [Fact]
    public void An_agent_against_itself_differs_by_exactly_zero()
    {
        var match = SimulatedArena.Play("frequency", "rock-biased", 4, 500);
        var outcomes = new[] { match, new MatchOutcome("copy", match.Scenario, match.Seed, match.Rounds) };

        var comparison = PairedDifference.Compare(outcomes, "frequency", "copy", ["rock-biased"])!;

        comparison.Difference.Should().Be(new MeanInterval(0, 0, 0, 20));
        comparison.GapClosed.Should().BeNull("no oracle was named");
    }

    [Fact]
    public void Agents_that_never_met_the_same_draws_cannot_be_compared()
    {
        MatchOutcome[] outcomes = [SimulatedArena.Play("oracle", "rock-biased", 1, 100), SimulatedArena.Play("random", "rock-biased", 2, 100)];

        PairedDifference.Compare(outcomes, "oracle", "random", ["rock-biased"]).Should().BeNull();
    }
}
