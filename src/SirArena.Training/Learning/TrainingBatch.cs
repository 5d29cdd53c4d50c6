using SirArena.Training.Corpus;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// Windows padded on the right to the longest of them (or to a given length), as tensors: ids (B, T), next-token targets (B, T) and two
/// masks (B, T) saying which positions count toward the answer loss and which toward the text loss. Right padding
/// needs no attention mask: a causal decoder never lets a real position see the padding after it.
/// </summary>
public sealed class TrainingBatch : IDisposable
{
    public Tensor Ids { get; }
    public Tensor Targets { get; }
    public Tensor AnswerMask { get; }
    public Tensor TextMask { get; }
    public IReadOnlyList<TrainingWindow> Windows { get; }
    /// <summary>Real (unpadded) tokens in the batch.</summary>
    public long Tokens { get; }

    /// <param name="windows">the windows, at most L tokens each</param>
    /// <param name="weights">how much each kind of answer counts in the answer loss, and the opponent's moves in the text loss (null: all alike)</param>
    /// <param name="device">the model's device (CPU when null)</param>
    /// <param name="length">the padded length T, at least the longest window's (null: the longest window's)</param>
    public TrainingBatch(IReadOnlyList<TrainingWindow> windows, LossWeights? weights = null, Device? device = null, int? length = null)
    {
        Windows = windows;
        weights ??= LossWeights.Even;
        int B = windows.Count, longest = windows.Max(w => w.Ids.Length), T = length ?? longest;
        if (T < longest) throw new ArgumentOutOfRangeException(nameof(length), length, $"a batch padded to {T} cannot hold a window of {longest} tokens");
        var ids = new long[B * T];
        var targets = new long[B * T];
        var answer = new float[B * T];
        var text = new float[B * T];
        for (int b = 0; b < B; b++)
        {
            var window = windows[b];
            int row = b * T, n = window.Ids.Length;
            for (int t = 0; t < n; t++) ids[row + t] = window.Ids[t];
            // Next-token targets from the prefix's last token on: across the gaps of a compacted prefix there is
            // nothing to predict, but the text after it is what the model will have to score at play time.
            for (int t = Math.Max(0, window.PrefixLength - 1); t + 1 < n; t++)
            {
                targets[row + t] = window.Ids[t + 1];
                text[row + t] = 1;
            }
            // A move is predicted at the position before it, weighed there only where that position has a text target.
            foreach (int move in window.OpponentMoves ?? [])
                if (move >= 1 && text[row + move - 1] > 0) text[row + move - 1] = weights.Move;
            foreach (var a in window.Answers)
            {
                targets[row + a.Position] = a.TargetId;
                text[row + a.Position] = 0;
                answer[row + a.Position] = weights.Of(a);
            }
            Tokens += n;
        }
        Ids = tensor(ids, device: device).view(B, T);
        Targets = tensor(targets, device: device).view(B, T);
        AnswerMask = tensor(answer, device: device).view(B, T);
        TextMask = tensor(text, device: device).view(B, T);
    }

    public void Dispose()
    {
        Ids.Dispose();
        Targets.Dispose();
        AnswerMask.Dispose();
        TextMask.Dispose();
    }
}
