using FluentAssertions;
using SirArena.Llm.Runtime;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;
using Xunit;

namespace SirArena.Training.Tests.Learning;

public class LossWeightsTests
{
    static readonly int[] Candidates = [1, 2, 3];

    [Fact]
    public void A_batch_weighs_each_answer_by_its_kind_and_leaves_other_positions_out_of_the_answer_loss()
    {
        TorchRuntime.EnsureLoaded();
        var window = new TrainingWindow([.. Enumerable.Range(1, 12)], 1,
        [
            new(3, 2, Candidates, RoundKind.Rps),
            new(6, 3, Candidates, RoundKind.Rps, FollowsRule: true),
            new(9, 1, Candidates, RoundKind.GroceryRecall),
        ], "streaming-512");

        using var batch = new TrainingBatch([window], new LossWeights(Recall: 3f, Rule: 5f));

        var mask = batch.AnswerMask.data<float>().ToArray();
        mask[3].Should().Be(1f, "a counting answer weighs 1");
        mask[6].Should().Be(5f, "a rule answer weighs the rule weight");
        mask[9].Should().Be(3f, "a recall weighs the recall weight");
        mask.Where((_, i) => i is not (3 or 6 or 9)).Should().AllSatisfy(w => w.Should().Be(0f));
    }

    [Fact]
    public void The_opponents_moves_after_the_prefix_weigh_the_move_weight_in_the_text_loss_at_the_position_that_predicts_them()
    {
        TorchRuntime.EnsureLoaded();
        // A prefix of 4 tokens with a move at 2 (before the text targets start), moves at 6 and 9 after it.
        var window = new TrainingWindow([.. Enumerable.Range(1, 12)], 4, [new(10, 2, Candidates, RoundKind.Rps)], "streaming-512", [2, 6, 9]);

        using var batch = new TrainingBatch([window], new LossWeights(Move: 7f));

        var text = batch.TextMask.data<float>().ToArray();
        text[5].Should().Be(7f, "position 5 predicts the move at 6");
        text[8].Should().Be(7f, "position 8 predicts the move at 9");
        text[1].Should().Be(0f, "the move at 2 lies in the compacted prefix, which has no next-token targets");
        text[10].Should().Be(0f, "an answer position belongs to the answer loss");
        text.Where((_, i) => i is >= 3 and < 11 and not (5 or 8 or 10)).Should().AllSatisfy(w => w.Should().Be(1f));
    }
}
