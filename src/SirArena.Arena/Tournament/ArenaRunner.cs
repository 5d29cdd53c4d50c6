using System.Collections.Concurrent;
using SirArena.Arena.Matches;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Loop;
using TorchSharp;

namespace SirArena.Arena.Tournament;

/// <summary>
/// Plays an arena: every agent against every scenario under every seed, the agents of one scenario and seed
/// meeting the very same opponent moves (common random numbers), matches side by side up to the configured
/// parallelism. Each match streams its rounds to a recorder (its replay) and the results are kept for the report.
/// </summary>
public sealed class ArenaRunner(MatchFactory factory, IMatchRecorderFactory recorders)
{
    /// <summary>The matches of an arena, in a stable order: seed, then scenario, then agent.</summary>
    public static IReadOnlyList<MatchSpec> Matches(ArenaOptions options) =>
        (from seed in options.Seeds
         from scenario in options.Opponents
         from agent in options.Agents
         select new MatchSpec(scenario, seed, agent)).ToArray();

    public async Task<IReadOnlyList<MatchOutcome>> RunAsync(ArenaOptions options, IProgress<ArenaProgress>? progress, CancellationToken cancellationToken)
    {
        var specs = Matches(options);
        var played = new MatchOutcome?[specs.Count];
        var roundsDone = new ConcurrentDictionary<int, long>();
        int parallelism = Math.Min(options.Parallelism, specs.Count);
        // Side-by-side matches each get one intra-op thread; a lone match may use them all. The setting is
        // process-wide, so it is put back afterwards.
        int threads = torch.get_num_threads();
        if (parallelism > 1) torch.set_num_threads(1);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, specs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
                (index, failed) =>
                {
                    // Stop on Ctrl+C, and also when another match has failed: its error should not wait for ours.
                    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, failed);
                    if (stop.IsCancellationRequested) return ValueTask.CompletedTask; // not started: no empty replay
                    played[index] = Play(specs[index], options.Rounds, stop.Token, rounds =>
                    {
                        roundsDone[index] = rounds;
                        progress?.Report(new ArenaProgress(specs.Count, roundsDone.Values.Sum(), specs.Count * options.Rounds));
                    });
                    return ValueTask.CompletedTask;
                });
        }
        finally
        {
            torch.set_num_threads(threads);
        }
        return played.OfType<MatchOutcome>().ToArray();
    }

    MatchOutcome Play(MatchSpec spec, long rounds, CancellationToken cancellationToken, Action<long> onProgress)
    {
        using var match = factory.Create(spec);
        var results = new List<RoundResult>();
        using (var recorder = recorders.Open(spec, match))
        {
            foreach (var result in match.Play(rounds, cancellationToken))
            {
                results.Add(result);
                recorder.Record(result);
                if (results.Count % 10 == 0) onProgress(results.Count);
            }
        }
        onProgress(results.Count);
        return new MatchOutcome(spec.Agent.Name, spec.Scenario, spec.Seed, results);
    }
}

/// <summary>How far an arena has come, in rounds over all matches.</summary>
public sealed record ArenaProgress(int Matches, long RoundsDone, long RoundsTotal);
