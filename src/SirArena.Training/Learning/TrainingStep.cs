using System.Diagnostics;
using SirArena.Llm.Model;
using SirArena.Training.Corpus;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>What one training step reports: the loss and its two parts, the real tokens trained on and the
/// tokens the batch's tensors held (real plus right padding).</summary>
public readonly record struct StepResult(float Loss, float Answer, float Text, long Tokens, long PaddedTokens);

/// <summary>
/// One optimizer step on one batch of windows, in its own dispose scope: set the learning rate, forward (once per
/// padding group, see <see cref="PaddingGroups"/>), the window loss, backward, clip the gradient norm, AdamW. In
/// <see cref="TrainingPrecision.Bf16"/> the forward and backward passes run on a <see cref="BFloat16Copy"/> and the
/// loss on float32 logits. The training loop and <c>sirarena bench train</c> both run it, so the benchmark measures
/// the step that trains.
/// </summary>
public sealed class TrainingStep(LlamaForCausalLM model, AdamW optimizer, TrainingOptions options) : IDisposable
{
    readonly BFloat16Copy? bf16 = options.Precision == TrainingPrecision.Bf16 ? new BFloat16Copy(model) : null;

    /// <summary>Time per phase since the last reset.</summary>
    public StepTimings Timings { get; } = new();

    public StepResult Run(IReadOnlyList<TrainingWindow> windows, double learningRate)
    {
        using var scope = NewDisposeScope();
        long mark = Stopwatch.GetTimestamp();
        OptimizerFactory.SetLearningRate(optimizer, learningRate);
        var batches = PaddingGroups.Of(windows).Select(group => new TrainingBatch(group, options.LossWeights, model.Device,
            bf16 is null ? null : BFloat16Copy.PaddedLength(group.Max(w => w.Ids.Length), options.ContextLength))).ToArray();
        optimizer.zero_grad();
        bf16?.TakeWeights();
        mark = Timings.Mark(0, mark);
        var logits = bf16 is null
            ? batches.Select(batch => model.forward(batch.Ids)).ToArray()
            : batches.Select(batch => bf16.Model.forward(batch.Ids).to(ScalarType.Float32)).ToArray();
        mark = Timings.Mark(1, mark);
        var (loss, answer, text) = WindowLoss.Compute(logits, batches, options.TextWeight);
        mark = Timings.Mark(2, mark);
        loss.backward();
        bf16?.GiveGradients();
        mark = Timings.Mark(3, mark);
        nn.utils.clip_grad_norm_(model.parameters(), options.GradientClip);
        mark = Timings.Mark(4, mark);
        optimizer.step();
        var result = new StepResult(loss.item<float>(), answer.item<float>(), text.item<float>(), batches.Sum(b => b.Tokens), batches.Sum(b => b.Ids.numel()));
        Timings.Mark(5, mark);
        Timings.CountStep();
        return result;
    }

    public void Dispose() => bf16?.Dispose();
}
