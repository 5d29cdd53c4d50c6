using SirArena.Training.Corpus;

namespace SirArena.Training.Learning;

/// <summary>
/// Splits a batch's windows into two groups of similar length when that saves enough padding: each group is padded
/// to its own longest window and run through the model on its own, and the loss sums over both (see
/// <see cref="WindowLoss"/>), so the step trains on the same windows with the same objective and less padding.
/// The opening phase needs it most: half of each batch there are openings of a few dozen tokens beside
/// Rock-Paper-Scissors windows of up to L. The split depends only on the windows, so a step stays a pure function
/// of (seed, step).
/// </summary>
public static class PaddingGroups
{
    /// <summary>A split is taken when it removes at least this share of the batch's padded positions: below it, two
    /// smaller passes cost about what the padding does.</summary>
    public const double MinimumSaving = 0.1;

    public static IReadOnlyList<TrainingWindow[]> Of(IReadOnlyList<TrainingWindow> windows)
    {
        var sorted = windows.OrderBy(w => w.Ids.Length).ToArray();
        int n = sorted.Length;
        long whole = (long)n * sorted[^1].Ids.Length, best = whole;
        int bestSplit = 0;
        for (int k = 1; k < n; k++)
        {
            long padded = (long)k * sorted[k - 1].Ids.Length + (long)(n - k) * sorted[^1].Ids.Length;
            if (padded < best) (best, bestSplit) = (padded, k);
        }
        if (bestSplit == 0 || whole - best < MinimumSaving * whole) return [windows.ToArray()];
        return [sorted[..bestSplit], sorted[bestSplit..]];
    }
}
