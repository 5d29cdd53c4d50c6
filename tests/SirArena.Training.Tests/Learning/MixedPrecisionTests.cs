using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;
using static TorchSharp.torch;

namespace SirArena.Training.Tests.Learning;

public class MixedPrecisionTests
{
    const int Vocabulary = 32;

    static TrainingWindow Window(int length, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, length).Select(_ => random.Next(1, Vocabulary)).ToArray();
        return new TrainingWindow(ids, 1, [new(length - 2, ids[^1], [1, 2, 3], RoundKind.Rps)], "sir-512-0.9");
    }

    static LlamaForCausalLM Model()
    {
        manual_seed(5);
        var model = new LlamaForCausalLM(new LlamaConfig
        {
            VocabSize = Vocabulary, HiddenSize = 32, IntermediateSize = 64, NumHiddenLayers = 2,
            NumAttentionHeads = 4, NumKeyValueHeads = 2, MaxPositionEmbeddings = 64, RmsNormEps = 1e-5,
        });
        WeightInit.Apply(model);
        model.train();
        return model;
    }

    [Fact]
    public void A_bf16_step_matches_the_fp32_step_to_bfloat16_precision_and_updates_float32_weights()
    {
        TorchRuntime.EnsureLoaded();
        TrainingWindow[] windows = [Window(60, 0), Window(60, 1), Window(55, 2), Window(58, 3)];
        var options = new TrainingOptions { OutputFolder = "unused", Steps = 1 };
        using var initial = Model();
        using var full = Model();
        using var mixed = Model();
        using var fullOptimizer = OptimizerFactory.Create(full, 1e-3, 0.1);
        using var mixedOptimizer = OptimizerFactory.Create(mixed, 1e-3, 0.1);
        using var fullStep = new TrainingStep(full, fullOptimizer, options);
        using var mixedStep = new TrainingStep(mixed, mixedOptimizer, options with { Precision = TrainingPrecision.Bf16 });

        var fp32 = fullStep.Run(windows, 1e-3);
        var bf16 = mixedStep.Run(windows, 1e-3);

        bf16.Loss.Should().BeApproximately(fp32.Loss, 0.02f * fp32.Loss);
        bf16.Loss.Should().NotBe(fp32.Loss, "the forward pass ran in bfloat16, which rounds differently");
        using var scope = NewDisposeScope();
        var fullGradient = cat(full.parameters().Select(p => p.grad!.flatten()).ToArray());
        var mixedGradient = cat(mixed.parameters().Select(p => p.grad!.flatten()).ToArray());
        mixedGradient.dtype.Should().Be(ScalarType.Float32);
        nn.functional.cosine_similarity(fullGradient, mixedGradient, 0).item<float>().Should().BeGreaterThan(0.99f);
        foreach (var (before, after) in initial.parameters().Zip(mixed.parameters()))
        {
            after.dtype.Should().Be(ScalarType.Float32);
            after.eq(before).all().item<bool>().Should().BeFalse("AdamW updates the float32 weights");
        }
    }

    [Theory]
    [InlineData(1, 512, 64)]
    [InlineData(64, 512, 64)]
    [InlineData(65, 512, 128)]
    [InlineData(500, 512, 512)]
    [InlineData(500, 510, 510)]
    [InlineData(120, 100, 120)]
    public void A_bf16_batch_is_padded_to_a_multiple_of_64_within_L_and_never_below_its_longest_window(int longest, int contextLength, int expected) =>
        BFloat16Copy.PaddedLength(longest, contextLength).Should().Be(expected);

    [Fact]
    public void A_batch_padded_past_its_longest_window_trains_on_the_same_positions()
    {
        TorchRuntime.EnsureLoaded();
        TrainingWindow[] windows = [Window(60, 0), Window(41, 1)];
        using var exact = new TrainingBatch(windows, new LossWeights(Recall: 3f));
        using var padded = new TrainingBatch(windows, new LossWeights(Recall: 3f), length: 64);

        padded.Ids.shape.Should().Equal(2, 64);
        padded.AnswerMask.narrow(1, 0, 60).eq(exact.AnswerMask).all().item<bool>().Should().BeTrue();
        padded.TextMask.narrow(1, 0, 60).eq(exact.TextMask).all().item<bool>().Should().BeTrue();
        padded.AnswerMask.narrow(1, 60, 4).sum().item<float>().Should().Be(0);
        padded.TextMask.narrow(1, 60, 4).sum().item<float>().Should().Be(0);
        padded.Tokens.Should().Be(exact.Tokens);
        FluentActions.Invoking(() => new TrainingBatch(windows, new LossWeights(Recall: 3f), length: 59)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*60 tokens*");
    }
}
