using SirArena.Llm.Runtime;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// The training objective: the weighted mean cross-entropy at answer positions (toward the evidence targets) plus
/// <c>textWeight</c> times the weighted mean next-token cross-entropy of the text after the compacted prefix (weights:
/// <see cref="LossWeights"/>). The answers are the goal; the text term is there because at play time SirLLM ranks
/// tokens by this model's own surprisal, so the model must find the template predictable and an opponent's rare move
/// surprising. Each term is a mean over its own positions so that the hundred-odd text tokens of a window do not drown
/// its four or five answers.
/// </summary>
public static class WindowLoss
{
    /// <summary>The loss to minimise and its two parts (scalars).</summary>
    public static (Tensor Loss, Tensor Answer, Tensor Text) Compute(Tensor logits, TrainingBatch batch, double textWeight) =>
        Compute([logits], [batch], textWeight);

    /// <summary>The loss of one batch run as several padding groups (see <see cref="PaddingGroups"/>): each mean is
    /// over the positions of all groups together, as if they were one batch.</summary>
    public static (Tensor Loss, Tensor Answer, Tensor Text) Compute(IReadOnlyList<Tensor> logits, IReadOnlyList<TrainingBatch> batches, double textWeight)
    {
        Tensor? answerSum = null, answerCount = null, textSum = null, textCount = null;
        for (int i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            long vocab = logits[i].shape[^1];
            var perToken = nn.functional.cross_entropy(logits[i].reshape(-1, vocab), batch.Targets.reshape(-1), reduction: nn.Reduction.None)
                .view_as(batch.Targets);                                               // (B, T)
            answerSum = Add(answerSum, (perToken * batch.AnswerMask).sum());
            answerCount = Add(answerCount, batch.AnswerMask.sum());
            textSum = Add(textSum, (perToken * batch.TextMask).sum());
            textCount = Add(textCount, batch.TextMask.sum());
        }
        var answer = answerSum! / answerCount!.clamp_min(TorchScalars.One);
        var text = textSum! / textCount!.clamp_min(TorchScalars.One);
        return (answer.add(text, TorchScalars.Of(textWeight)), answer, text); // answer + textWeight * text
    }

    static Tensor Add(Tensor? sum, Tensor term) => sum is null ? term : sum.add(term, TorchScalars.One);
}
