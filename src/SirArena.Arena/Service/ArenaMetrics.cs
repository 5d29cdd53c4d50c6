using System.Diagnostics;
using System.Diagnostics.Metrics;
using SirArena.Llm.Runtime;

namespace SirArena.Arena.Service;

/// <summary>
/// The "SirArena" meter: what a long `serve` or `soak` can be watched by while it runs, with dotnet-counters or an
/// OpenTelemetry exporter. The served matches add to the counters and histograms as they play (one counter add per
/// round, one histogram record per write); the gauges read the tracked matches only when a listener collects, so the
/// round loop pays nothing for them. Every per-match instrument carries the tags match, agent, policy and opponent.
/// </summary>
public sealed class ArenaMetrics
{
    public const string MeterName = "SirArena";

    public const string RoundsName = "sirarena.rounds";
    public const string RoundRateName = "sirarena.rounds.rate";
    public const string WinRateName = "sirarena.win_rate";
    public const string CacheFillName = "sirarena.cache.fill";
    public const string EvictionsName = "sirarena.evictions";
    public const string ReplayWriteName = "sirarena.replay.write.duration";
    public const string CheckpointWriteName = "sirarena.checkpoint.write.duration";
    public const string LiveTensorsName = "sirarena.process.live_tensors";
    public const string RssName = "sirarena.process.rss";
    public const string RunningName = "sirarena.matches.running";
    public const string BrokenName = "sirarena.matches.broken";

    /// <summary>How far back <see cref="RoundRateName"/> looks.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    // A replay line is written and flushed in well under a millisecond, a checkpoint in a few; the default
    // OpenTelemetry buckets start at 5 ms and would put nearly every write in the first one.
    static readonly double[] WriteBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

    readonly Counter<long> rounds;
    readonly Counter<long> evictions;
    readonly Histogram<double> replayWrite;
    readonly Histogram<double> checkpointWrite;
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly List<Tracked> tracked = [];

    public ArenaMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        rounds = Meter.CreateCounter<long>(RoundsName, "{round}", "rounds played");
        evictions = Meter.CreateCounter<long>(EvictionsName, "{token}", "tokens the memory policy evicted from the agent's cache");
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = WriteBuckets };
        replayWrite = Meter.CreateHistogram(ReplayWriteName, "ms", "time to write and flush one round to the replay, retries included", advice: advice);
        checkpointWrite = Meter.CreateHistogram(CheckpointWriteName, "ms", "time to write one checkpoint, retries included", advice: advice);
        Meter.CreateObservableGauge(RoundRateName, () => Each(m => m.Rate(clock.Elapsed)), "{round}/s",
            $"rounds per second over the last {RateWindow.TotalSeconds:F0} seconds");
        Meter.CreateObservableGauge(WinRateName, () => Each(m => m.Match.Tally.Scored > 0 ? m.Match.Tally.WinRate.Value : null), "1",
            "wins over scored rounds since the match began");
        Meter.CreateObservableGauge(CacheFillName, () => Each(m => m.Match.CachedTokens is { } held && m.Match.Budget is > 0 and var budget ? (double)held / budget : null), "1",
            "tokens the agent's cache holds over its budget (memory agents only)");
        Meter.CreateObservableGauge(LiveTensorsName, () => TorchRuntime.LiveTensors, "{tensor}", "native tensors alive in the process");
        Meter.CreateObservableGauge(RssName, () => Environment.WorkingSet, "By", "the process's resident set");
        Meter.CreateObservableGauge(RunningName, () => Count(ServedMatchState.Running), "{match}", "matches playing");
        Meter.CreateObservableGauge(BrokenName, () => Count(ServedMatchState.Broken), "{match}", "matches stopped by a failure they could not get past");
    }

    public Meter Meter { get; }

    /// <summary>Watches <paramref name="match"/> until the returned handle is disposed; the match reports its rounds and writes through it.</summary>
    public Tracked Track(ServedMatch match)
    {
        var handle = new Tracked(this, match, clock.Elapsed);
        lock (tracked) tracked.Add(handle);
        return handle;
    }

    IEnumerable<Measurement<double>> Each(Func<Tracked, double?> value)
    {
        lock (tracked)
            return tracked.Select(m => (m.Tags, Value: value(m))).Where(m => m.Value is not null)
                .Select(m => new Measurement<double>(m.Value!.Value, m.Tags)).ToArray();
    }

    int Count(ServedMatchState state)
    {
        lock (tracked) return tracked.Count(m => m.Match.State == state);
    }

    /// <summary>One match as the meter sees it: its tags, its recent rate, and what it records as it plays.</summary>
    public sealed class Tracked : IDisposable
    {
        readonly ArenaMetrics metrics;
        readonly RecentRate rate;

        internal Tracked(ArenaMetrics metrics, ServedMatch match, TimeSpan now)
        {
            this.metrics = metrics;
            Match = match;
            rate = new RecentRate(RateWindow, now, match.Rounds);
            var agent = match.Spec.Agent;
            Tags =
            [
                new("match", match.Key),
                new("agent", agent.Name),
                new("policy", agent.IsLlm ? agent.Policy : agent.Kind),
                new("opponent", match.Spec.Scenario),
            ];
        }

        internal ServedMatch Match { get; }
        internal KeyValuePair<string, object?>[] Tags { get; }

        /// <summary>Called under the meter's lock, so two listeners collecting at once take turns.</summary>
        internal double Rate(TimeSpan now) => rate.Observe(now, Match.Rounds);

        /// <summary>A round played and recorded: <paramref name="evicted"/> tokens evicted, its replay line written in <paramref name="write"/>.</summary>
        public void Round(int evicted, TimeSpan write)
        {
            metrics.rounds.Add(1, Tags);
            if (evicted > 0) metrics.evictions.Add(evicted, Tags);
            metrics.replayWrite.Record(write.TotalMilliseconds, Tags);
        }

        public void Checkpoint(TimeSpan write) => metrics.checkpointWrite.Record(write.TotalMilliseconds, Tags);

        public void Dispose()
        {
            lock (metrics.tracked) metrics.tracked.Remove(this);
        }
    }
}
