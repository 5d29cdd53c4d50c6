using M = SirArena.Simulation.Games.RockPaperScissors.Move;
using SirArena.Training.Corpus;

namespace SirArena.Training.Tests.Corpus;

public class EvidenceTargetsTests
{
    static StreamToken Reported(M move) => new(100 + (int)move, 1f, TokenRole.OpponentMove, (int)move);
    static StreamToken Template(int id = 7) => new(id, 0f, TokenRole.Template);

    [Fact]
    public void The_target_beats_the_most_frequent_visible_move()
    {
        var window = new[]
        {
            Template(), Reported(M.Scissors), Template(),
            Reported(M.Rock), Reported(M.Paper),
            Reported(M.Rock), Template(), Reported(M.Scissors),
            Reported(M.Rock),
        };

        // rock 3, scissors 2, paper 1: paper (candidate B) beats rock.
        EvidenceTargets.BestRpsCandidate(window).Should().Be((int)M.Paper);
    }

    [Fact]
    public void Move_names_in_template_text_are_not_evidence()
    {
        // "(A) rock" in the choices is template text, even when its token reads "rock".
        var window = new[] { new StreamToken(100, 0f, TokenRole.Template), new StreamToken(100, 0f, TokenRole.Template), Reported(M.Scissors) };

        EvidenceTargets.BestRpsCandidate(window).Should().Be((int)M.Rock);
    }

    [Fact]
    public void A_tie_goes_to_the_move_reported_last_and_no_evidence_trains_nothing()
    {
        var tie = new[] { Reported(M.Paper), Reported(M.Rock) };

        EvidenceTargets.BestRpsCandidate(tie).Should().Be((int)M.Paper, "rock was reported last and paper beats it");
        EvidenceTargets.BestRpsCandidate([Template(), Template()]).Should().BeNull();
    }

    [Fact]
    public void A_recall_is_trained_only_while_the_whole_item_is_visible()
    {
        StreamToken Item(int episode) => new(200, 4f, TokenRole.Item, episode);

        EvidenceTargets.RecallCandidate([Template(), Item(3), Item(3)], episode: 3, itemTokens: 2, correctIndex: 2).Should().Be(2);
        EvidenceTargets.RecallCandidate([Template(), Item(3)], episode: 3, itemTokens: 2, correctIndex: 2).Should().BeNull("half the item is gone");
        EvidenceTargets.RecallCandidate([Item(2), Item(2)], episode: 3, itemTokens: 2, correctIndex: 2).Should().BeNull("that is an earlier request");
    }

    [Fact]
    public void A_visible_cycle_predicts_a_target_that_counting_does_not()
    {
        // The last seven moves repeat paper, rock, rock, which says rock comes next; paper is the most frequent.
        M[] moves = [M.Paper, M.Paper, M.Paper, M.Rock, M.Rock, M.Paper, M.Rock, M.Rock, M.Paper];
        var window = moves.Select((move, round) => new StreamToken(100 + (int)move, 1f, TokenRole.OpponentMove, (int)move, round + 1)).ToList();

        EvidenceTargets.BestRpsCandidate(window).Should().Be((int)M.Scissors, "paper is reported 5 times, rock 4");
        EvidenceTargets.RuleCandidate(window).Should().Be((int)M.Paper, "the cycle predicts rock, which paper beats");
    }
}
