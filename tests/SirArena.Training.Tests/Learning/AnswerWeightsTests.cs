using FluentAssertions;
using SirArena.Llm.Runtime;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;
using Xunit;

namespace SirArena.Training.Tests.Learning;

public class AnswerWeightsTests
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

        using var batch = new TrainingBatch([window], new AnswerWeights(Recall: 3f, Rule: 5f));

        var mask = batch.AnswerMask.data<float>().ToArray();
        mask[3].Should().Be(1f, "a counting answer weighs 1");
        mask[6].Should().Be(5f, "a rule answer weighs the rule weight");
        mask[9].Should().Be(3f, "a recall weighs the recall weight");
        mask.Where((_, i) => i is not (3 or 6 or 9)).Should().AllSatisfy(w => w.Should().Be(0f));
    }
}
