using System.Globalization;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// The verdict of a soak (issue 6): how much the resident set grew over the second half of the run (end against the
/// middle, and the least-squares trend through every sample of that half, as a share of the middle value), the
/// managed heap and live tensors likewise, and the speed of the last tenth of the rounds against the first tenth after
/// warm-up (the first 2%).
/// </summary>
public sealed record SoakSummary(double RssGrowth, double RssTrend, double HeapGrowth, long TensorsMiddle, long TensorsEnd,
    double EarlyRate, double LateRate)
{
    public const double WarmUp = 0.02;

    public double RateRatio => LateRate / EarlyRate;

    public static SoakSummary Of(IReadOnlyList<SoakSample> samples)
    {
        if (samples.Count < 4) throw new ArgumentException("a soak summary needs at least 4 samples; run more rounds or sample more often");
        long total = samples[^1].Rounds;
        var middle = At(samples, total / 2);
        var half = samples.Where(s => s.Rounds >= middle.Rounds).ToList();
        double slope = Slope(half.Select(s => ((double)s.Rounds, s.Process.RssMb)).ToList());
        var early = (At(samples, (long)(total * WarmUp)), At(samples, (long)(total * (WarmUp + 0.1))));
        var late = (At(samples, (long)(total * 0.9)), samples[^1]);
        return new SoakSummary(
            samples[^1].Process.RssMb / middle.Process.RssMb - 1,
            slope * (total - middle.Rounds) / middle.Process.RssMb,
            samples[^1].Process.ManagedHeapMb / middle.Process.ManagedHeapMb - 1,
            middle.Process.LiveTensors, samples[^1].Process.LiveTensors,
            Rate(early), Rate(late));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"second half: RSS {RssGrowth:+0.00%;-0.00%} (trend {RssTrend:+0.00%;-0.00%}), managed heap {HeapGrowth:+0.0%;-0.0%}, live tensors {TensorsMiddle} -> {TensorsEnd}; " +
        $"rounds/s first tenth after warm-up {EarlyRate:F1}, last tenth {LateRate:F1} (ratio {RateRatio:F3})");

    /// <summary>The first sample at or after <paramref name="rounds"/>.</summary>
    static SoakSample At(IReadOnlyList<SoakSample> samples, long rounds) => samples.FirstOrDefault(s => s.Rounds >= rounds) ?? samples[^1];

    static double Rate((SoakSample From, SoakSample To) span) =>
        (span.To.Rounds - span.From.Rounds) / Math.Max(1e-9, span.To.Seconds - span.From.Seconds);

    static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? 0 : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }
}
