using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;
using static TorchSharp.torch;

namespace SirArena.Training.Tests.Learning;

public class EvaluationTests
{
    static LlamaForCausalLM Model()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(4);
        return new LlamaForCausalLM(new LlamaConfig
        {
            VocabSize = 40, HiddenSize = 32, IntermediateSize = 64, NumHiddenLayers = 1,
            NumAttentionHeads = 4, NumKeyValueHeads = 2, MaxPositionEmbeddings = 64,
        });
    }

    /// <summary>The model's top token over the whole vocabulary after each prefix of <paramref name="ids"/>.</summary>
    static long[] TopTokens(LlamaForCausalLM model, int[] ids)
    {
        using var _ = no_grad();
        return model.forward(tensor(ids.Select(i => (long)i).ToArray()).unsqueeze(0))[0].argmax(-1).data<long>().ToArray();
    }

    [Fact]
    public void A_single_candidate_answer_is_right_only_when_it_is_the_models_top_token_over_the_whole_vocabulary()
    {
        using var model = Model();
        int[] ids = [.. Enumerable.Range(0, 12).Select(i => 3 + (i * 7) % 37)];
        var top = TopTokens(model, ids);
        int other = (int)(top[5] + 1) % 40;
        TrainingWindow[] windows =
        [
            new(ids, 0, [new(5, (int)top[5], [(int)top[5]], RoundKind.GroceryRequest)], "full"),
            new(ids, 0, [new(5, other, [other], RoundKind.GroceryRequest)], "full"),
        ];

        var result = Evaluation.Run(model, windows, batchSize: 2);

        result.ByGroup["request"].Should().Be((1, 2), "one target is the top token, the other is not, though each is its turn's only candidate");
    }

    [Fact]
    public void Several_candidates_are_judged_among_themselves()
    {
        using var model = Model();
        int[] ids = [.. Enumerable.Range(0, 12).Select(i => 3 + (i * 5) % 37)];
        var top = TopTokens(model, ids);
        int a = (int)(top[7] + 1) % 40, b = (int)(top[7] + 2) % 40;
        TrainingWindow[] windows = [new(ids, 0, [new(7, (int)top[7], [a, (int)top[7], b], RoundKind.GroceryRecall)], "full")];

        Evaluation.Run(model, windows, batchSize: 1).ByGroup["recall full"].Should().Be((1, 1));
    }
}
