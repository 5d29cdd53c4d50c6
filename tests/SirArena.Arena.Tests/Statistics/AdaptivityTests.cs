using SirArena.Arena.Statistics;
using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Arena.Tests.Statistics;

public class AdaptivityTests
{
    [Fact]
    public void Switches_of_the_switching_player_are_found_at_multiples_of_its_period()
    {
        var match = SimulatedArena.Play("random", "switching", 8, 1000);

        SwitchPoints.Find(match.Rounds, SimulatedArena.Switching).Should().Equal(200, 400, 600, 800);
        var since = SwitchPoints.RoundsSinceSwitch(match.Rounds, SimulatedArena.Switching);
        since[199].Should().BeNull("before the first switch there is nothing to adapt to");
        since[200].Should().Be(0);
        since[399].Should().Be(199);
        since[400].Should().Be(0);
        since[999].Should().Be(199);
    }

    [Fact]
    public void The_scheduled_switches_are_the_rounds_where_the_opponents_true_favourite_changes()
    {
        var rounds = SimulatedArena.Play("random", "switching", 8, 1000).Rounds;

        var changed = Enumerable.Range(1, rounds.Count - 1)
            .Where(i => Favourite(rounds[i]) != Favourite(rounds[i - 1]))
            .Select(i => rounds[i].Turn.Round);

        SwitchPoints.Find(rounds, SimulatedArena.Switching).Should().Equal(changed);

        static Move Favourite(Simulation.Loop.RoundResult round) => ((RpsTruth)round.Turn.Truth).OpponentDistribution.MostLikely;
    }

    [Fact]
    public void Among_the_shipped_scenarios_only_the_switching_players_have_a_switch_schedule()
    {
        var catalog = SimulatedArena.Catalog;

        SwitchPoints.Schedules(catalog, catalog.Names).Keys.Should().BeEquivalentTo("switching", "switching-fast", "switching-long", "switching-weak-fast");
        SwitchPoints.Schedules(catalog, ["rock-biased", "no-such-scenario"]).Should().BeEmpty();
    }

    [Fact]
    public void Bins_pool_every_switch_and_span_the_period()
    {
        var outcomes = SimulatedArena.PlayAll(["oracle", "frequency"], ["switching"], seed: 8, rounds: 1000);

        var bins = Adaptivity.AfterSwitches(outcomes, "switching", SimulatedArena.Switching);

        bins.Should().HaveCount(40, "20 bins of 10 rounds up to the period of 200, for each agent");
        bins.Select(b => b.Agent).Distinct().Should().Equal("oracle", "frequency");
        bins.Should().OnlyContain(b => b.Wins.Trials == 40, "4 switches times 10 rounds");
        bins[0].Should().Match<AdaptivityBin>(b => b.From == 0 && b.To == 9);
        bins[19].Should().Match<AdaptivityBin>(b => b.From == 190 && b.To == 199);
        var oracleWins = bins.Where(b => b.Agent == "oracle").Sum(b => b.Wins.Successes);
        var expected = outcomes[0].Rounds.Skip(200).Count(r => r.Outcome == Simulation.Loop.Outcome.Win);
        oracleWins.Should().Be(expected);
    }

    [Fact]
    public void A_horizon_shorter_than_the_period_ends_with_a_partial_bin()
    {
        var outcomes = new[] { SimulatedArena.Play("oracle", "switching", 8, 1000) };

        var bins = Adaptivity.AfterSwitches(outcomes, "switching", SimulatedArena.Switching, binWidth: 10, horizon: 25);

        bins.Select(b => (b.From, b.To, b.Wins.Trials)).Should().Equal((0, 9, 40L), (10, 19, 40L), (20, 24, 20L));
    }

    [Fact]
    public void A_counter_with_all_history_recovers_slowly_after_a_switch()
    {
        // One switch, rock to paper at round 200: the counts of rock (100) hold out until about round 333.
        var outcomes = new[] { SimulatedArena.Play("frequency", "switching", 8, 400) };

        var bins = Adaptivity.AfterSwitches(outcomes, "switching", SimulatedArena.Switching, binWidth: 50);

        bins.Should().HaveCount(4);
        bins[0].Wins.Value.Should().BeLessThan(0.35, "stale counts still point at the old favourite");
        bins[^1].Wins.Value.Should().BeGreaterThan(bins[0].Wins.Value + 0.1);
    }
}
