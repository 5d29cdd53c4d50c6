using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Games;

public class RpsTextTests
{
    private const string PaperLaterRound =
        "USER: I chose [rock]. Analyze my preferences to maximize your winning rate and proceed to the next round. Choices: (A) rock (B) paper (C) scissors. You choose:";

    private const string PaperOpening =
        "Let's play a game of Rock-Paper-Scissors. Choose one option from: (A) rock (B) paper (C) scissors.";

    [Fact]
    public void The_first_round_opens_with_the_papers_sentence_and_asks_for_a_letter()
    {
        var turn = Scenario(Move.Rock).NextTurn();

        turn.Prompt.Should().Be("USER: " + PaperOpening + " You choose:\nASSISTANT: ");
        turn.Candidates.Should().Equal("A", "B", "C");
        turn.Options.Should().Equal("rock", "paper", "scissors");
    }

    [Fact]
    public void A_later_round_is_the_papers_user_turn_after_a_line_break_then_the_assistant_prefix()
    {
        var scenario = Scenario(Move.Rock);
        scenario.NextTurn();
        scenario.Resolve(new(1, [0, 1, 0]));

        var turn = scenario.NextTurn();

        turn.UserTurn.Should().Be(PaperLaterRound);
        turn.Prompt.Should().Be("\n" + PaperLaterRound + "\nASSISTANT: ");
    }

    [Fact]
    public void Prompts_and_answers_concatenate_into_one_line_per_turn()
    {
        var scenario = Scenario(Move.Scissors);
        var transcript = "";
        for (var i = 0; i < 3; i++)
        {
            var turn = scenario.NextTurn();
            var result = scenario.Resolve(new(0, [1, 0, 0]));
            transcript += turn.Prompt + result.Answer;
        }

        var lines = transcript.Split('\n');
        lines.Should().HaveCount(6);
        lines[1].Should().Be("ASSISTANT: A");
        lines[2].Should().StartWith("USER: I chose [scissors].");
        lines[5].Should().Be("ASSISTANT: A");
    }

    [Theory]
    [InlineData(Move.Rock, Move.Scissors, Outcome.Win)]
    [InlineData(Move.Paper, Move.Rock, Outcome.Win)]
    [InlineData(Move.Scissors, Move.Paper, Outcome.Win)]
    [InlineData(Move.Rock, Move.Paper, Outcome.Loss)]
    [InlineData(Move.Paper, Move.Paper, Outcome.Tie)]
    public void Outcomes_follow_the_rules_from_the_agents_side(Move agent, Move opponent, Outcome expected) =>
        MoveRules.Resolve(agent, opponent).Should().Be(expected);

    [Fact]
    public void Beating_and_losing_are_inverse()
    {
        foreach (var move in MoveRules.All)
        {
            MoveRules.LoserTo(MoveRules.BeaterOf(move)).Should().Be(move);
            MoveRules.Resolve(move, MoveRules.LoserTo(move)).Should().Be(Outcome.Win);
        }
    }

    private static RpsScenario Scenario(Move only) =>
        new(new ScriptedOpponent("test", new CyclicStrategy([only]), new StableRandom(1)));
}
