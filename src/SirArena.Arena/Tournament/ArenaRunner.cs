using System.Collections.Concurrent;
using SirArena.Arena.Matches;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tournament;

/// <summary>
/// Plays an arena: every agent against every scenario under every seed, the agents of one scenario and seed
/// meeting the very same opponent moves (common random numbers), matches side by side up to the configured
/// parallelism. Each match streams its rounds to a recorder (its replay) and the results are kept for the report.
/// A match that throws is a failure of that match alone: it is reported with one sentence and the others go on.
/// </summary>
public sealed class ArenaRunner(MatchFactory factory, IMatchRecorderFactory recorders, FinishedMatches? finished = null)
{
    /// <summary>The matches of an arena, in a stable order: seed, then scenario, then agent.</summary>
    public static IReadOnlyList<MatchSpec> Matches(ArenaOptions options) =>
        (from seed in options.Seeds
         from scenario in options.Opponents
         from agent in options.Agents
         select new MatchSpec(scenario, seed, agent)).ToArray();

    public async Task<ArenaResult> RunAsync(ArenaOptions options, IProgress<ArenaProgress>? progress, CancellationToken cancellationToken)
    {
        var specs = Matches(options);
        var played = new MatchOutcome?[specs.Count];
        var failures = new ConcurrentBag<(int Index, MatchFailure Failure)>();
        var roundsDone = new ConcurrentDictionary<int, long>();
        void Report(int index, long rounds)
        {
            roundsDone[index] = rounds;
            progress?.Report(new ArenaProgress(specs.Count, roundsDone.Values.Sum(), specs.Count * options.Rounds));
        }

        var toPlay = new List<int>();
        for (int i = 0; i < specs.Count; i++)
        {
            if (finished?.TryRead(specs[i], options.Rounds) is { } done)
            {
                played[i] = done;
                Report(i, options.Rounds);
            }
            else toPlay.Add(i);
        }

        int parallelism = Math.Max(1, Math.Min(options.Parallelism, toPlay.Count));
        using (IntraOpThreads.ForMatches(parallelism))
        {
            await Parallel.ForEachAsync(toPlay,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
                (index, _) =>
                {
                    if (cancellationToken.IsCancellationRequested) return ValueTask.CompletedTask; // not started: no empty replay
                    var results = new List<RoundResult>();
                    try
                    {
                        Play(specs[index], options.Rounds, results, cancellationToken, rounds => Report(index, rounds));
                        played[index] = new MatchOutcome(specs[index].Agent.Name, specs[index].Scenario, specs[index].Seed, results);
                    }
                    catch (Exception e)
                    {
                        failures.Add((index, MatchFailure.Of(specs[index], results.Count, e)));
                    }
                    return ValueTask.CompletedTask;
                });
        }
        return new ArenaResult(
            played.OfType<MatchOutcome>().ToArray(),
            failures.OrderBy(f => f.Index).Select(f => f.Failure).ToArray(),
            specs.Count - toPlay.Count);
    }

    void Play(MatchSpec spec, long rounds, List<RoundResult> results, CancellationToken cancellationToken, Action<long> onProgress)
    {
        using var match = factory.Create(spec);
        using (var recorder = recorders.Open(spec, match))
        {
            foreach (var result in match.Play(rounds, cancellationToken))
            {
                recorder.Record(result);
                results.Add(result);
                if (results.Count % 10 == 0) onProgress(results.Count);
            }
        }
        onProgress(results.Count);
    }
}

/// <summary>How far an arena has come, in rounds over all matches.</summary>
public sealed record ArenaProgress(int Matches, long RoundsDone, long RoundsTotal);
