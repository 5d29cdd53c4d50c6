using SirArena.Arena.Statistics;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tests.Statistics;

public class LeaderboardTests
{
    static readonly Lazy<IReadOnlyList<MatchOutcome>> Outcomes = new(() =>
        SimulatedArena.PlayAll(["oracle", "frequency", "random"], [.. SimulatedArena.Biased, "switching", "grocery-distances"], seed: 3, rounds: 1000));

    static readonly Dictionary<string, Simulation.Opponents.ISwitchSchedule> Switching = new() { ["switching"] = SimulatedArena.Switching };

    static LeaderboardRow Row(string agent, string baseline, IReadOnlyDictionary<string, Dictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>>>? held = null) =>
        Leaderboard.Rank(Outcomes.Value, [new LeaderboardEntry(agent, agent, 512, baseline)], SimulatedArena.Biased, Switching, held ?? new Dictionary<string, Dictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>>>(), 50).Single();

    [Fact]
    public void The_pooled_win_is_the_paired_difference_over_the_pool()
    {
        var row = Row("oracle", "random");

        var expected = PairedDifference.Compare(Outcomes.Value, "oracle", "random", SimulatedArena.Biased)!;
        row.Pooled!.WinRateA.Should().Be(expected.WinRateA);
        row.Pooled.Difference.Should().Be(expected.Difference);
        row.Pooled.Difference.ExcludesZero.Should().BeTrue("the oracle beats a random player by far more than noise");
    }

    [Fact]
    public void After_a_switch_counts_the_first_fifty_rounds_after_each_switch_one_unit_per_switch()
    {
        var row = Row("oracle", "frequency");

        // switching: period 200 over 1,000 rounds, so switches at 200, 400, 600 and 800.
        row.AfterSwitchesDifference.Units.Should().Be(4);
        row.AfterSwitches.Trials.Should().Be(4 * Leaderboard.AfterSwitchRounds);
        var oracle = Outcomes.Value.Single(o => o.Agent == "oracle" && o.Scenario == "switching").Rounds;
        var frequency = Outcomes.Value.Single(o => o.Agent == "frequency" && o.Scenario == "switching").Rounds;
        var rounds = new[] { 200, 400, 600, 800 }.SelectMany(s => Enumerable.Range(s, Leaderboard.AfterSwitchRounds)).ToArray();
        row.AfterSwitches.Successes.Should().Be(rounds.Count(i => oracle[i].Outcome == Outcome.Win));
        row.AfterSwitchesDifference.Mean.Should().BeApproximately(
            rounds.Average(i => (oracle[i].Outcome == Outcome.Win ? 1.0 : 0) - (frequency[i].Outcome == Outcome.Win ? 1 : 0)), 1e-12);
        row.AfterSwitchesDifference.Mean.Should().BePositive("a frequency counter keeps playing against the old favourite for a while");
    }

    [Fact]
    public void Recall_beyond_the_window_counts_only_the_recalls_the_baseline_had_lost()
    {
        var recalls = Outcomes.Value.Single(o => o.Agent == "frequency" && o.Scenario == "grocery-distances").Rounds
            .OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall).ToArray();
        // The baseline "held" the requests of recalls at distance 10 or less.
        var held = new Dictionary<string, Dictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>>>
        {
            ["random"] = new() { [("grocery-distances", 3)] = recalls.ToDictionary(r => r.Turn.Round, r => r.Distance <= 10) },
        };

        var row = Row("frequency", "random", held);

        var beyond = row.Grocery.Single();
        beyond.Scenario.Should().Be("grocery-distances");
        beyond.Beyond.Trials.Should().Be(recalls.Count(r => r.Distance > 10)).And.BePositive();
        beyond.Beyond.Successes.Should().Be(beyond.Beyond.Trials, "the counter never forgets");
        beyond.Difference.Units.Should().Be((int)beyond.Beyond.Trials);
        beyond.Difference.Mean.Should().BeApproximately(0.75, 0.2, "random recalls about a quarter");
    }

    [Fact]
    public void Without_the_baselines_memory_no_grocery_column_is_made_up()
    {
        Row("frequency", "random").Grocery.Should().BeEmpty();
    }
}
