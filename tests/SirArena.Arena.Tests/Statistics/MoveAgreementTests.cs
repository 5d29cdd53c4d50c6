using SirArena.Arena.Statistics;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tests.Statistics;

public class MoveAgreementTests
{
    // (opponent, agent) per round.
    private static readonly (Move Opponent, Move Agent)[] Script =
    [
        (Move.Rock, Move.Paper),     // nothing visible yet
        (Move.Rock, Move.Paper),
        (Move.Paper, Move.Scissors),
        (Move.Scissors, Move.Paper),
        (Move.Paper, Move.Rock),
        (Move.Paper, Move.Scissors),
    ];

    [Theory]
    [InlineData(3, 3, 4)] // round 4 sees rock, paper, scissors: no single favourite
    [InlineData(1, 3, 5)]
    public void Agreement_counts_rounds_with_a_unique_most_frequent_visible_move(int visible, long agreed, long counted)
    {
        var agreement = MoveAgreement.WithVisibleCounter(HandBuilt(), visible);

        agreement.Successes.Should().Be(agreed);
        agreement.Trials.Should().Be(counted);
    }

    [Fact]
    public void The_frequency_agent_is_the_counter_that_sees_everything()
    {
        var match = SimulatedArena.Play("frequency", "scissors-biased", 2, 300);

        var agreement = MoveAgreement.WithVisibleCounter(match.Rounds, visibleMoves: 300);

        agreement.Trials.Should().BeGreaterThan(250);
        agreement.Value.Should().Be(1);
        MoveAgreement.WithVisibleCounter(match.Rounds, visibleMoves: 5).Value.Should().BeLessThan(1);
    }

    private static RoundResult[] HandBuilt() => Script.Select((round, t) =>
    {
        var turn = new Turn("hand", t, "", "", ["A", "B", "C"], ["rock", "paper", "scissors"],
            new RpsFacts(null, null), RpsTruth.From(MoveDistribution.Uniform));
        var choice = new AgentChoice((int)round.Agent, [0.0, 0.0, 0.0]);
        return (RoundResult)new RpsRoundResult(turn, choice, MoveRules.Resolve(round.Agent, round.Opponent), round.Agent, round.Opponent);
    }).ToArray();
}
