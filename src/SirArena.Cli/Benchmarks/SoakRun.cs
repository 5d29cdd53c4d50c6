using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;

namespace SirArena.Cli.Benchmarks;

/// <summary>One sample of a soak: where the run stood and what the process held.</summary>
public sealed record SoakSample(long Rounds, double Seconds, double? WinRate, int? CachedTokens, ProcessFigures Process);

/// <summary>
/// The body of `sirarena soak`: serves the given matches (rolling replays and checkpoints, exactly as `serve` does) for a
/// number of rounds or a time, samples the process every so many rounds (after a full garbage collection, so the heap
/// figure is what is really held), prints a row at intervals and ends with the figures a long run must keep flat.
/// Its matches report to <paramref name="metrics"/>, when given, while they play.
/// </summary>
public sealed class SoakRun(MatchFactory factory, TextWriter output, ILogger logger, ArenaMetrics? metrics = null)
{
    public IReadOnlyList<SoakSample> Run(IReadOnlyList<MatchSpec> specs, string folder, ServeOptions options, long? rounds, TimeSpan? time,
        long sampleEvery, long reportEvery, CancellationToken cancellation)
    {
        using var folderLock = ChainLock.ForServeFolder(folder); // as `serve` does: one process per folder of chains
        // One intra-op thread each when matches share the cores, set before they open: their chains record it.
        using var threads = IntraOpThreads.ForMatches(Math.Min(Environment.ProcessorCount, specs.Count));
        var matches = specs.Select(s => ServedMatch.Open(s, factory, options, folder, logger, metrics: metrics)).ToList();
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (time is { } t) stop.CancelAfter(t);
            using var gate = new SemaphoreSlim(Environment.ProcessorCount);
            var clock = Stopwatch.StartNew();
            var runs = ServedMatch.RunAll(matches, stop.Token, gate, untilRound: rounds);

            var samples = new List<SoakSample> { Sample(matches, clock) };
            output.WriteLine($"soak: {matches.Count} match(es) into {folder}; {(rounds is { } r ? $"{r:N0} rounds each" : "")}{(time is { } tt ? $" at most {tt.TotalMinutes:F0} minutes" : "")}");
            output.WriteLine("| rounds | seconds | rounds/s | win rate | cached tokens | RSS MB | managed heap MB | live tensors |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            long nextSample = sampleEvery, nextReport = reportEvery;
            while (!runs.IsCompleted)
            {
                runs.Wait(50);
                long played = matches.Sum(m => m.Rounds);
                if (played < nextSample && !runs.IsCompleted) continue;
                samples.Add(Sample(matches, clock));
                while (nextSample <= played) nextSample += sampleEvery;
                if (played >= nextReport || runs.IsCompleted)
                {
                    Row(samples[^1], samples.Count > 1 ? samples[^2] : null);
                    while (nextReport <= played) nextReport += reportEvery;
                }
            }
            foreach (var m in matches.Where(m => m.State == ServedMatchState.Broken))
                output.WriteLine($"broken: {m.Key}: {m.Problem}");
            return samples;
        }
        finally
        {
            foreach (var match in matches) match.Dispose();
        }
    }

    void Row(SoakSample s, SoakSample? before)
    {
        double rate = before is null ? 0 : (s.Rounds - before.Rounds) / Math.Max(1e-9, s.Seconds - before.Seconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {s.Rounds:N0} | {s.Seconds:F0} | {rate:F1} | {s.WinRate:P1} | {s.CachedTokens} | {s.Process.RssMb:F1} | {s.Process.ManagedHeapMb:F1} | {s.Process.LiveTensors} |"));
    }

    static SoakSample Sample(IReadOnlyList<ServedMatch> matches, Stopwatch clock)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long wins = matches.Sum(m => m.Tally.Wins), scored = matches.Sum(m => m.Tally.Scored);
        return new SoakSample(matches.Sum(m => m.Rounds), clock.Elapsed.TotalSeconds, scored > 0 ? (double)wins / scored : null,
            matches.Select(m => m.CachedTokens).Max(), ProcessFigures.Now());
    }
}
