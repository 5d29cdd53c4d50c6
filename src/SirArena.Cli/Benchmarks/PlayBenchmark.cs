using System.Diagnostics;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// `play` as a user runs it, timed: rounds per second of one agent against one scenario on the configured model,
/// and the share of each round spent writing the replay (serialising the round and its memory trace, one write and
/// flush per round). Rounds and replay writes are timed separately inside the same run; medians over repeats.
/// </summary>
public sealed class PlayBenchmark(MatchFactory factory, TextWriter output)
{
    public void Run(MatchSpec spec, int rounds, int repeats)
    {
        output.WriteLine($"play: {spec.Agent.Name} ({spec.Agent.Policy}, budget {spec.Agent.Budget}) against {spec.Scenario}, {rounds} rounds, median of {repeats} repeats");
        output.WriteLine();
        output.WriteLine("| repeat | rounds/s | ms / round (play) | ms / round (replay write) | replay share |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        var samples = new List<(double RoundsPerSecond, double PlayMs, double WriteMs, double Share)>();
        var folder = Directory.CreateTempSubdirectory("sirarena-bench-").FullName;
        try
        {
            for (int r = 0; r < repeats; r++)
            {
                using var match = factory.Create(spec);
                long play = 0, write = 0;
                using (var recorder = ReplayRecorder.Open(Path.Combine(folder, $"{r}.jsonl"), spec, match, factory))
                {
                    for (int i = 0; i < rounds; i++)
                    {
                        long started = Stopwatch.GetTimestamp();
                        var result = match.PlayRound();
                        long played = Stopwatch.GetTimestamp();
                        recorder.Record(result);
                        write += Stopwatch.GetTimestamp() - played;
                        play += played - started;
                    }
                }
                double playMs = Stopwatch.GetElapsedTime(0, play).TotalMilliseconds / rounds;
                double writeMs = Stopwatch.GetElapsedTime(0, write).TotalMilliseconds / rounds;
                var sample = (1000 / (playMs + writeMs), playMs, writeMs, writeMs / (playMs + writeMs));
                samples.Add(sample);
                output.WriteLine($"| {r + 1} | {sample.Item1:F1} | {playMs:F2} | {writeMs:F3} | {sample.Item4:P2} |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"| median | {Median.Of(samples.Select(s => s.RoundsPerSecond)):F1} | {Median.Of(samples.Select(s => s.PlayMs)):F2} | {Median.Of(samples.Select(s => s.WriteMs)):F3} | {Median.Of(samples.Select(s => s.Share)):P2} |");
    }
}
