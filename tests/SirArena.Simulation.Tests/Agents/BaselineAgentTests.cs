using SirArena.Simulation.Agents;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Agents;

public class BaselineAgentTests
{
    [Fact]
    public void The_oracle_wins_half_the_rounds_against_a_50_30_20_player()
    {
        var match = new Match(Shipped.Catalog.Create("rock-biased", 77), new OracleAgent());

        var results = match.Play(20_000).Cast<RpsRoundResult>().ToArray();

        results.Should().OnlyContain(r => r.AgentMove == Move.Paper, "paper beats the favourite, rock");
        match.Tally.WinRate.Value.Should().BeApproximately(0.50, 0.02);
    }

    [Fact]
    public void The_oracle_follows_the_switching_players_favourite()
    {
        var match = new Match(Shipped.Catalog.Create("switching", 1), new OracleAgent());

        var results = match.Play(600).Cast<RpsRoundResult>().ToArray();

        results[199].AgentMove.Should().Be(Move.Paper);
        results[200].AgentMove.Should().Be(Move.Scissors);
        results[400].AgentMove.Should().Be(Move.Rock);
    }

    [Fact]
    public void The_frequency_agent_plays_what_beats_the_most_frequent_reported_move()
    {
        var agent = new FrequencyAgent();
        agent.Choose(Turn(null)).Index.Should().Be((int)Move.Paper, "with no evidence, ties go to rock");
        agent.Choose(Turn(Move.Scissors)).Index.Should().Be((int)Move.Rock);
        agent.Choose(Turn(Move.Paper)).Index.Should().Be((int)Move.Scissors, "paper and scissors tie; the earlier, paper, counts as most frequent");
        var choice = agent.Choose(Turn(Move.Paper));
        choice.Index.Should().Be((int)Move.Scissors);
        choice.Scores.Should().Equal(1.0 / 3, 0, 2.0 / 3);
    }

    [Fact]
    public void The_frequency_agent_nears_the_oracle_against_a_fixed_player()
    {
        var match = new Match(Shipped.Catalog.Create("paper-biased", 5), new FrequencyAgent());
        match.Run(5_000);
        match.Tally.WinRate.Value.Should().BeApproximately(0.50, 0.025);
    }

    [Fact]
    public void Baselines_are_found_by_name_and_an_unknown_name_lists_them()
    {
        BaselineAgents.Create("oracle", 1).Should().BeOfType<OracleAgent>();
        BaselineAgents.Create("Random", 1).Name.Should().Be("random");
        var act = () => BaselineAgents.Create("genius", 1);
        act.Should().Throw<ArgumentException>().WithMessage("*'genius'*oracle, frequency, random*");
    }

    private static Turn Turn(Move? opponentPrevious) => new(
        "test", 0, "", "", RpsText.Candidates, RpsText.Options, new RpsFacts(opponentPrevious, null),
        RpsTruth.From(MoveDistribution.Uniform));
}
