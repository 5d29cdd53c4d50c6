namespace SirArena.Arena.Statistics;

/// <summary>
/// The method of batch means for a serially correlated series (a per-round quantity of an agent that remembers):
/// cut the series into consecutive blocks, average each, and treat the block means as nearly independent; the
/// interval is then a Student-t interval over the block means. Blocks must be long compared with the correlation
/// (an agent's memory spans tens of rounds, so 50 by default), and numerous enough for the t interval (20 or more).
/// </summary>
public static class BatchMeans
{
    public const int DefaultBlockSize = 50;
    public const int MinimumBlocks = 20;

    /// <summary>
    /// <paramref name="preferred"/> rounds per block, shortened when <paramref name="rounds"/> would give fewer than
    /// <paramref name="minimumBlocks"/> blocks: too few blocks make the t interval wide and its variance estimate poor.
    /// </summary>
    public static int BlockSize(long rounds, int preferred = DefaultBlockSize, int minimumBlocks = MinimumBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(preferred);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumBlocks);
        return (int)Math.Clamp(rounds / minimumBlocks, 1, preferred);
    }

    /// <summary>Means of consecutive blocks of <paramref name="blockSize"/>; an incomplete last block is dropped so
    /// that every block mean has the same variance.</summary>
    public static IReadOnlyList<double> BlockMeans(IReadOnlyList<double> series, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        var means = new double[series.Count / blockSize];
        for (var b = 0; b < means.Length; b++)
        {
            double sum = 0;
            for (var i = b * blockSize; i < (b + 1) * blockSize; i++) sum += series[i];
            means[b] = sum / blockSize;
        }
        return means;
    }

    /// <summary>The mean of the block means with a t interval on k - 1 degrees of freedom; NaN bounds below two blocks.</summary>
    public static MeanInterval Interval(IReadOnlyList<double> blockMeans, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(blockMeans);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must lie strictly between 0 and 1.");
        var k = blockMeans.Count;
        if (k == 0) return new MeanInterval(double.NaN, double.NaN, double.NaN, 0);
        var mean = blockMeans.Average();
        if (k < 2) return new MeanInterval(mean, double.NaN, double.NaN, k);
        var variance = blockMeans.Sum(m => (m - mean) * (m - mean)) / (k - 1);
        var halfWidth = StudentT.TwoSided(confidence, k - 1) * Math.Sqrt(variance / k);
        return new MeanInterval(mean, mean - halfWidth, mean + halfWidth, k);
    }

    /// <summary>
    /// The ratio of two batch means taken over the same blocks, mean(x) / mean(y), with a t interval from its
    /// linearisation (the delta method): the block residuals x_i - r y_i have mean zero at the true ratio r, so the
    /// ratio's standard error is their standard error over mean(y). Null when mean(y) is not positive (no ratio).
    /// </summary>
    public static MeanInterval? RatioInterval(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        if (numerators.Count != denominators.Count)
            throw new ArgumentException($"{numerators.Count} numerator blocks against {denominators.Count} denominator blocks; a ratio needs the same blocks", nameof(denominators));
        var k = numerators.Count;
        if (k == 0) return null;
        var meanY = denominators.Average();
        if (!(meanY > 0)) return null;
        var ratio = numerators.Average() / meanY;
        var residuals = numerators.Select((x, i) => x - ratio * denominators[i]).ToArray();
        var spread = Interval(residuals, confidence);
        if (double.IsNaN(spread.Low)) return new MeanInterval(ratio, double.NaN, double.NaN, k);
        // The residuals' mean is zero by construction, so their interval is symmetric about it: half its width is the half-width.
        var halfWidth = (spread.High - spread.Low) / 2 / meanY;
        return new MeanInterval(ratio, ratio - halfWidth, ratio + halfWidth, k);
    }
}
