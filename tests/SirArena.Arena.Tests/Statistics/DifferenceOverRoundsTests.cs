using SirArena.Arena.Statistics;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tests.Statistics;

public class DifferenceOverRoundsTests
{
    private static double Win(RoundResult round) => round.Outcome == Outcome.Win ? 1 : 0;

    [Fact]
    public void Each_bin_is_the_mean_of_the_paired_per_round_differences_over_its_rounds_with_an_interval_around_it()
    {
        MatchOutcome[] outcomes =
        [
            SimulatedArena.Play("oracle", "rock-biased", 3, 1100),
            SimulatedArena.Play("random", "rock-biased", 3, 1100),
            SimulatedArena.Play("random", "paper-biased", 3, 1100, name: "oracle"),
        ];

        var bins = DifferenceOverRounds.Of(outcomes, "oracle", "random", "rock-biased", binWidth: 200);

        bins.Select(b => (b.From, b.To)).Should().Equal((0, 199), (200, 399), (400, 599), (600, 799), (800, 999), (1000, 1099));
        foreach (var bin in bins)
        {
            var expected = Enumerable.Range(bin.From, bin.To - bin.From + 1)
                .Average(i => Win(outcomes[0].Rounds[i]) - Win(outcomes[1].Rounds[i]));
            bin.Difference.Mean.Should().BeApproximately(expected, 1e-12, "rounds {0}-{1} of the rock-biased matches only", bin.From, bin.To);
            bin.Difference.Units.Should().Be(DifferenceOverRounds.MinimumBlocks);
            bin.Difference.Low.Should().BeLessThan(bin.Difference.Mean);
            bin.Difference.High.Should().BeGreaterThan(bin.Difference.Mean);
        }
        bins.Select(b => b.Difference.Mean).Distinct().Should().HaveCountGreaterThan(1, "the stretches differ by chance");
    }

    [Fact]
    public void A_pair_that_did_not_both_play_the_scenario_has_no_bins()
    {
        MatchOutcome[] outcomes = [SimulatedArena.Play("oracle", "rock-biased", 3, 400)];

        DifferenceOverRounds.Of(outcomes, "oracle", "random", "rock-biased").Should().BeEmpty();
    }
}
