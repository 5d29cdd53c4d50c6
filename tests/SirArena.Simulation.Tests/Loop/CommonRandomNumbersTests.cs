using SirArena.Simulation.Agents;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Loop;

public class CommonRandomNumbersTests
{
    [Theory]
    [InlineData("rock-biased")]
    [InlineData("uniform")]
    [InlineData("switching")]
    public void Different_agents_meet_the_very_same_opponent_moves_for_one_seed(string opponent)
    {
        Move[] MovesAgainst(IAgent agent) =>
            new Match(Shipped.Catalog.Create(opponent, 31), agent).Play(1_000).Cast<RpsRoundResult>().Select(r => r.OpponentMove).ToArray();

        var againstOracle = MovesAgainst(new OracleAgent());
        MovesAgainst(new RandomAgent(new StableRandom(8))).Should().Equal(againstOracle);
        MovesAgainst(new FrequencyAgent()).Should().Equal(againstOracle);
        new Match(Shipped.Catalog.Create(opponent, 32), new OracleAgent()).Play(1_000)
            .Cast<RpsRoundResult>().Select(r => r.OpponentMove).Should().NotEqual(againstOracle, "another seed, another sequence");
    }

    [Fact]
    public void The_same_seeds_replay_a_match_round_for_round()
    {
        static string[] Replay() =>
            new Match(Shipped.Catalog.Create("scissors-biased", 99), BaselineAgents.Create("random", 4)).Play(500)
                .Select(r => $"{r.Turn.Prompt}|{r.Answer}|{string.Join(",", r.Choice.Scores)}|{r.Outcome}")
                .ToArray();

        Replay().Should().Equal(Replay());
    }

    [Fact]
    public async Task Matches_run_side_by_side_give_the_results_of_running_alone()
    {
        var alone = new Match(Shipped.Catalog.Create("rock-biased", 3), new FrequencyAgent()).Run(2_000);

        var matches = Enumerable.Range(0, 4)
            .Select(_ => new Match(Shipped.Catalog.Create("rock-biased", 3), new FrequencyAgent()))
            .ToArray();
        var tallies = await MatchRunner.RunAllAsync(matches, 2_000);

        tallies.Should().AllSatisfy(t => (t.Wins, t.Ties, t.Losses).Should().Be((alone.Wins, alone.Ties, alone.Losses)));
    }
}
