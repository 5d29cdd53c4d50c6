using SirArena.Llm.Runtime;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;
using static TorchSharp.torch;

namespace SirArena.Training.Tests.Learning;

public class PaddingGroupsTests
{
    static TrainingWindow Window(int length, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, length).Select(_ => random.Next(1, 16)).ToArray();
        var kind = seed % 2 == 0 ? RoundKind.Rps : RoundKind.GroceryRecall;
        return new TrainingWindow(ids, 1, [new(length - 2, ids[^1], [1, 2, 3], kind)], "sir-512-0.9");
    }

    [Fact]
    public void Short_openings_beside_long_windows_are_padded_in_their_own_group_and_every_window_is_kept()
    {
        TrainingWindow[] windows = [Window(500, 0), Window(40, 1), Window(510, 2), Window(30, 3), Window(60, 4), Window(490, 5)];

        var groups = PaddingGroups.Of(windows);

        groups.Should().HaveCount(2);
        groups[0].Select(w => w.Ids.Length).Should().BeEquivalentTo([30, 40, 60]);
        groups[1].Select(w => w.Ids.Length).Should().BeEquivalentTo([490, 500, 510]);
        groups.SelectMany(g => g).Should().BeEquivalentTo(windows);
    }

    [Fact]
    public void Windows_of_nearly_one_length_stay_one_group_in_their_order()
    {
        TrainingWindow[] windows = [Window(512, 0), Window(500, 1), Window(512, 2), Window(480, 3)];

        var groups = PaddingGroups.Of(windows);

        groups.Should().ContainSingle().Which.Should().Equal(windows);
    }

    [Fact]
    public void The_loss_of_a_batch_split_into_padding_groups_equals_the_loss_of_the_whole_padded_batch()
    {
        TorchRuntime.EnsureLoaded();
        TrainingWindow[] windows = [Window(50, 0), Window(9, 1), Window(47, 2), Window(6, 3)];
        var groups = PaddingGroups.Of(windows);
        groups.Should().HaveCount(2, "the test is about a split batch");
        using var scope = NewDisposeScope();
        manual_seed(3);
        var table = randn(16, 16);
        Tensor Logits(TrainingBatch batch) => table.index_select(0, batch.Ids.reshape(-1)).view(batch.Ids.shape[0], batch.Ids.shape[1], 16); // any deterministic function of the ids

        var whole = new TrainingBatch(windows, new LossWeights(Recall: 3f));
        var (loss, answer, text) = WindowLoss.Compute(Logits(whole), whole, 0.5);
        var parts = groups.Select(g => new TrainingBatch(g, new LossWeights(Recall: 3f))).ToArray();
        var (splitLoss, splitAnswer, splitText) = WindowLoss.Compute(parts.Select(Logits).ToArray(), parts, 0.5);

        splitLoss.item<float>().Should().BeApproximately(loss.item<float>(), 1e-5f);
        splitAnswer.item<float>().Should().BeApproximately(answer.item<float>(), 1e-5f);
        splitText.item<float>().Should().BeApproximately(text.item<float>(), 1e-5f);
        parts.Sum(p => p.Ids.numel()).Should().BeLessThan(whole.Ids.numel());
    }
}
