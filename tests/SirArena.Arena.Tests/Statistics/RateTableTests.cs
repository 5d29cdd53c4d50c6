using SirArena.Arena.Statistics;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Tests.Statistics;

public class RateTableTests
{
    [Fact]
    public void The_wilson_interval_of_50_in_100_is_about_40_to_60_percent()
    {
        var (low, high) = new Proportion(50, 100).WilsonInterval();
        low.Should().BeApproximately(0.4038, 0.0005);
        high.Should().BeApproximately(0.5962, 0.0005);
    }

    [Fact]
    public void Rates_per_scenario_count_every_round_of_every_agent()
    {
        var outcomes = SimulatedArena.PlayAll(["oracle", "random"], ["rock-biased", "uniform"], seed: 3, rounds: 400);

        var rows = RateTable.PerScenario(outcomes);

        rows.Select(r => (r.Scenario, r.Agent)).Should().Equal(
            ("rock-biased", "oracle"), ("rock-biased", "random"), ("uniform", "oracle"), ("uniform", "random"));
        foreach (var row in rows)
        {
            var rounds = outcomes.Single(o => o.Agent == row.Agent && o.Scenario == row.Scenario).Rounds;
            row.Rates.Scored.Should().Be(400);
            row.Rates.Wins.Successes.Should().Be(rounds.Count(r => r.Outcome == Simulation.Loop.Outcome.Win));
            (row.Rates.Wins.Successes + row.Rates.Ties.Successes + row.Rates.Losses.Successes).Should().Be(400);
        }
    }

    [Fact]
    public void Pooled_over_the_biased_players_the_oracle_wins_half_its_rounds()
    {
        var outcomes = SimulatedArena.PlayAll(["oracle", "random"], SimulatedArena.Biased, seed: 11, rounds: 2000);

        var pooled = RateTable.Pooled(outcomes, SimulatedArena.Biased, "biased");

        var oracle = pooled.Single(r => r.Agent == "oracle");
        oracle.Scenario.Should().Be("biased");
        oracle.Matches.Should().Be(3);
        oracle.Rates.Scored.Should().Be(6000);
        var (low, high) = oracle.Rates.Wins.WilsonInterval();
        low.Should().BeLessThan(0.5);
        high.Should().BeGreaterThan(0.5);
        pooled.Single(r => r.Agent == "random").Rates.Wins.Value.Should().BeApproximately(1.0 / 3, 0.03);
    }
}
