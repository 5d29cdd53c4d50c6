using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Loop;

public class MatchTests
{
    [Fact]
    public void A_match_stops_after_the_rounds_asked_for_and_can_go_on_later()
    {
        var agent = new ScriptedAgent(_ => 0);
        var match = new Match(Shipped.Catalog.Create("uniform", 1), agent);

        match.Play(25).Count().Should().Be(25);
        match.Run(5);

        match.RoundsPlayed.Should().Be(30);
        agent.Turns.Select(t => t.Round).Should().Equal(Enumerable.Range(0, 30).Select(i => (long)i));
        agent.Results.Should().HaveCount(30, "every choice is followed by its observation");
        (match.Tally.Wins + match.Tally.Ties + match.Tally.Losses).Should().Be(30);
    }

    [Fact]
    public void The_stream_is_endless_until_cancelled_and_stops_between_rounds()
    {
        using var cancel = new CancellationTokenSource();
        var match = new Match(Shipped.Catalog.Create("cyclic", 1), new OracleAgent());

        var tally = match.Run(maxRounds: null, cancel.Token, onRound: r =>
        {
            if (r.Turn.Round == 41) cancel.Cancel();
        });

        match.RoundsPlayed.Should().Be(42);
        tally.Wins.Should().Be(42, "the oracle always beats a cyclic player");
    }

    [Fact]
    public void An_agent_choosing_a_candidate_that_does_not_exist_is_named_in_the_error()
    {
        var match = new Match(Shipped.Catalog.Create("uniform", 1), new ScriptedAgent(_ => 3, "broken"));

        var act = () => match.PlayRound();

        act.Should().Throw<InvalidOperationException>().WithMessage("*'broken'*round 0*candidate 3*offers 3*");
    }

    [Fact]
    public void An_agent_must_score_every_candidate()
    {
        var match = new Match(Shipped.Catalog.Create("uniform", 1), new ShortScores());
        match.Invoking(m => m.PlayRound()).Should().Throw<InvalidOperationException>().WithMessage("*1 scores*one per candidate (3)*");
    }

    [Fact]
    public async Task Matches_may_not_share_an_agent()
    {
        var agent = new OracleAgent();
        var matches = new[] { new Match(Shipped.Catalog.Create("uniform", 1), agent), new Match(Shipped.Catalog.Create("uniform", 2), agent) };
        var act = () => MatchRunner.RunAllAsync(matches, 1);
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*share one agent*");
    }

    private sealed class ShortScores : IAgent
    {
        public string Name => "short";
        public AgentChoice Choose(Turn turn) => new(0, [1.0]);
        public void Observe(RoundResult result) { }
    }
}
