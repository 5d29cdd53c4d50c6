using System.Diagnostics;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using TorchSharp;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// Matches side by side, as serve and arena run them: total rounds per second of one match alone (the process's
/// intra-op threads), of as many matches as cores with one thread each (what serve and arena set), and of the same
/// matches on the default threads each (oversubscribed: cores x cores threads), each match recording its replay.
/// The three run in turn within each repeat, so their ratios are measured side by side; medians over repeats.
/// </summary>
public sealed class SideBySideBenchmark(MatchFactory factory, TextWriter output)
{
    public void Run(IReadOnlyList<MatchSpec> specs, int rounds, int repeats)
    {
        int threads = torch.get_num_threads();
        output.WriteLine($"side by side: {specs.Count} matches ({string.Join(", ", specs.Select(s => $"{s.Agent.Name} vs {s.Scenario}"))}), " +
                         $"{rounds} rounds each, {Environment.ProcessorCount} cores, {threads} intra-op threads by default; median of {repeats} repeats");
        output.WriteLine();
        output.WriteLine("| repeat | one match alone (rounds/s) | side by side, 1 thread each (total rounds/s) | ratio | side by side, default threads (total rounds/s) | ratio |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var folder = Directory.CreateTempSubdirectory("sirarena-bench-").FullName;
        var samples = new List<(double Alone, double OneEach, double Default)>();
        try
        {
            for (int r = 0; r < repeats; r++)
            {
                double alone, oneEach, oversubscribed;
                using (IntraOpThreads.ForMatches(1)) alone = Total([specs[0]], rounds, folder);
                using (IntraOpThreads.ForMatches(specs.Count)) oneEach = Total(specs, rounds, folder);
                // As if each match were alone: the process's threads for every one of them.
                using (IntraOpThreads.ForMatches(1)) oversubscribed = Total(specs, rounds, folder);
                samples.Add((alone, oneEach, oversubscribed));
                output.WriteLine($"| {r + 1} | {alone:F1} | {oneEach:F1} | {oneEach / alone:F2}x | {oversubscribed:F1} | {oversubscribed / alone:F2}x |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        double a = Median.Of(samples.Select(s => s.Alone)), o = Median.Of(samples.Select(s => s.OneEach)), d = Median.Of(samples.Select(s => s.Default));
        output.WriteLine($"| median | {a:F1} | {o:F1} | {Median.Of(samples.Select(s => s.OneEach / s.Alone)):F2}x | {d:F1} | {Median.Of(samples.Select(s => s.Default / s.Alone)):F2}x |");
    }

    /// <summary>Plays every match for <paramref name="rounds"/> rounds at once, one task each on the intra-op threads
    /// of the <see cref="IntraOpThreads"/> scope open; total rounds per second.</summary>
    double Total(IReadOnlyList<MatchSpec> specs, int rounds, string folder)
    {
        var matches = specs.Select(spec => factory.Create(spec)).ToArray();
        try
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, matches.Length, new ParallelOptions { MaxDegreeOfParallelism = matches.Length }, i =>
            {
                IntraOpThreads.OnThisThread(); // a pool thread would keep the count of the phase before
                using var recorder = ReplayRecorder.Open(Path.Combine(folder, $"{Guid.NewGuid():N}.jsonl"), specs[i], matches[i], factory);
                for (int round = 0; round < rounds; round++) recorder.Record(matches[i].PlayRound());
            });
            return matches.Length * rounds / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var match in matches) match.Dispose();
        }
    }
}
