using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;
using SirArena.Arena.Tests.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Service;

/// <summary>The SirArena meter as a listener (dotnet-counters, an exporter) sees a served match.</summary>
public sealed class ArenaMetricsTests : IDisposable
{
    static readonly ServeOptions Options = new() { CheckpointEvery = 8, RollEvery = 10, RetryDelayMs = 1 };

    readonly TinyModelFolder model = new();
    readonly ReplayFolder folder = new();
    readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    readonly ArenaMetrics metrics;
    readonly MatchFactory factory;
    readonly MeterListener listener = new();
    readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> seen = [];

    public ArenaMetricsTests()
    {
        factory = new MatchFactory(ScenarioCatalog.LoadDefault(), model.Path);
        metrics = new ArenaMetrics(services.GetRequiredService<IMeterFactory>());
        // Only this test's meter: other tests may serve matches of their own at the same time.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Seen(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Seen(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Seen(i, v, tags));
        listener.Start();
    }

    void Seen(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        lock (seen) seen.Add((instrument.Name, value, copy));
    }

    List<(double Value, Dictionary<string, object?> Tags)> Of(string instrument)
    {
        lock (seen) return seen.Where(s => s.Instrument == instrument).Select(s => (s.Value, s.Tags)).ToList();
    }

    /// <summary>What the gauges say now, as a collection by a listener reads them.</summary>
    List<(double Value, Dictionary<string, object?> Tags)> Gauge(string instrument)
    {
        lock (seen) seen.RemoveAll(s => s.Instrument == instrument);
        listener.RecordObservableInstruments();
        return Of(instrument);
    }

    static MatchSpec Sir(int budget) => new("rock-biased", 11, new AgentSpec { Name = "sir", Policy = "sir", Budget = budget });

    [Fact]
    public async Task A_served_match_counts_its_rounds_and_evictions_times_its_writes_and_keeps_its_cache_fill_within_the_budget()
    {
        var logger = new ListLogger();
        var match = ServedMatch.Open(Sir(160), factory, Options, folder.Path, logger, metrics: metrics);
        Gauge(ArenaMetrics.RunningName).Should().ContainSingle().Which.Value.Should().Be(1);

        // Read while it plays, as a watcher would: the fill is never above the budget, whenever it is read.
        var fills = new List<double>();
        var run = Task.Run(() => match.Run(CancellationToken.None, untilRound: 12));
        while (!run.IsCompleted)
        {
            fills.AddRange(Gauge(ArenaMetrics.CacheFillName).Select(f => f.Value));
            await Task.WhenAny(run, Task.Delay(5));
        }
        await run;
        fills.AddRange(Gauge(ArenaMetrics.CacheFillName).Select(f => f.Value));

        match.State.Should().Be(ServedMatchState.Stopped, match.Problem);
        fills.Should().OnlyContain(f => f >= 0 && f <= 1, "the cache never holds more than its budget");
        fills[^1].Should().BePositive("after 12 rounds the cache holds tokens");
        var rounds = Of(ArenaMetrics.RoundsName);
        rounds.Sum(r => r.Value).Should().Be(12, "one count per round played");
        rounds.Should().OnlyContain(r => (string)r.Tags["match"]! == match.Key && (string)r.Tags["policy"]! == "sir" && (string)r.Tags["opponent"]! == "rock-biased");
        Of(ArenaMetrics.ReplayWriteName).Should().HaveCount(12).And.OnlyContain(w => w.Value >= 0);
        Of(ArenaMetrics.CheckpointWriteName).Should().HaveCount(2, "one at round 8 and one where the run ends");
        match.Dispose();

        long evicted = ReplayChain.Open(match.ChainPath).ReadRounds().Sum(r => (long)r.Trace!.Prompt.Evicted.Length + r.Trace.Answer.Evicted.Length);
        evicted.Should().BePositive("a 160-token budget overflows within 12 rounds");
        Of(ArenaMetrics.EvictionsName).Sum(e => e.Value).Should().Be(evicted, "the counter adds what the replay records as evicted");
    }

    [Fact]
    public void The_gauges_report_a_match_while_it_is_open_and_forget_it_once_it_is_disposed()
    {
        var match = ServedMatch.Open(Sir(160), factory, Options, folder.Path, new ListLogger(), metrics: metrics);
        match.Run(CancellationToken.None, untilRound: 6);

        Gauge(ArenaMetrics.WinRateName).Should().ContainSingle().Which.Value.Should().Be(match.Tally.WinRate.Value);
        Gauge(ArenaMetrics.RoundRateName).Should().ContainSingle().Which.Value.Should().BePositive();
        Gauge(ArenaMetrics.RunningName).Should().ContainSingle().Which.Value.Should().Be(0, "the run has ended");
        Gauge(ArenaMetrics.BrokenName).Should().ContainSingle().Which.Value.Should().Be(0);
        Gauge(ArenaMetrics.LiveTensorsName).Should().ContainSingle().Which.Value.Should().BePositive("the match's model and cache are alive");
        Gauge(ArenaMetrics.RssName).Should().ContainSingle().Which.Value.Should().BePositive();

        match.Dispose();

        Gauge(ArenaMetrics.WinRateName).Should().BeEmpty();
        Gauge(ArenaMetrics.CacheFillName).Should().BeEmpty();
    }

    [Fact]
    public void A_match_broken_by_its_writes_is_counted_as_broken()
    {
        var match = ServedMatch.Open(Sir(160), factory, Options, folder.Path, new ListLogger(), s => new FaultyStore(s, n => n >= 3 ? new IOException("disk on fire") : null),
            metrics);
        match.Run(CancellationToken.None, untilRound: 10);

        match.State.Should().Be(ServedMatchState.Broken);
        Gauge(ArenaMetrics.BrokenName).Should().ContainSingle().Which.Value.Should().Be(1);
        Gauge(ArenaMetrics.RunningName).Should().ContainSingle().Which.Value.Should().Be(0);
        Of(ArenaMetrics.RoundsName).Sum(r => r.Value).Should().Be(2, "only the rounds recorded count");
        match.Dispose();
    }

    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
        folder.Dispose();
        model.Dispose();
    }
}
