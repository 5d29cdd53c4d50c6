using SirArena.Arena.Statistics;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tests.Statistics;

public class RollingWinRateTests
{
    [Fact]
    public void Each_point_is_the_win_share_of_the_trailing_window()
    {
        var match = SimulatedArena.Play("oracle", "rock-biased", 12, 500);

        var (rounds, rates) = RollingWinRate.Of([match], window: 100);

        rounds.Should().HaveCount(401);
        rounds[0].Should().Be(99);
        rates[0].Should().Be(match.Rounds.Take(100).Count(r => r.Outcome == Outcome.Win) / 100.0);
        rates[^1].Should().Be(match.Rounds.Skip(400).Count(r => r.Outcome == Outcome.Win) / 100.0);
    }

    [Fact]
    public void Seeds_are_averaged_round_by_round()
    {
        var a = SimulatedArena.Play("oracle", "rock-biased", 1, 10);
        var b = SimulatedArena.Play("oracle", "rock-biased", 2, 10);

        var (_, rates) = RollingWinRate.Of([a, b], window: 10);

        rates.Should().ContainSingle().Which.Should().BeApproximately(
            (a.Rounds.Count(r => r.Outcome == Outcome.Win) + b.Rounds.Count(r => r.Outcome == Outcome.Win)) / 20.0, 1e-12);
    }
}
