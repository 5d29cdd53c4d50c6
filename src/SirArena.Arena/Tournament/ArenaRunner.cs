using System.Collections.Concurrent;
using SirArena.Arena.Matches;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tournament;

/// <summary>
/// Plays an arena: every agent against every scenario under every seed, the agents of one scenario and seed
/// meeting the very same opponent moves (common random numbers), on a venue: in this process, matches side by side up
/// to the configured parallelism, or spread over the silos of a cluster. Each match streams its rounds to a recorder
/// (its replay) and the results are kept for the report. A match that throws is a failure of that match alone: it is
/// reported with one sentence and the others go on.
/// </summary>
public sealed class ArenaRunner(IMatchVenue venue, FinishedMatches? finished = null)
{
    /// <summary>An arena played in this process.</summary>
    public ArenaRunner(MatchFactory factory, IMatchRecorderFactory recorders, FinishedMatches? finished = null)
        : this(new InProcessVenue(new MatchPlayer(factory, recorders)), finished) { }

    /// <summary>The matches of an arena, in a stable order: seed, then scenario, then agent.</summary>
    public static IReadOnlyList<MatchSpec> Matches(ArenaOptions options) =>
        (from seed in options.Seeds
         from scenario in options.Opponents
         from agent in options.Agents
         select new MatchSpec(scenario, seed, agent)).ToArray();

    public async Task<ArenaResult> RunAsync(ArenaOptions options, IProgress<ArenaProgress>? progress, CancellationToken cancellationToken)
    {
        var specs = Matches(options);
        var outcomes = new MatchOutcome?[specs.Count];
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
                outcomes[i] = done;
                Report(i, options.Rounds);
            }
            else toPlay.Add(i);
        }

        var played = await venue.PlayAsync(toPlay.Select(i => specs[i]).ToArray(), options,
            (index, rounds) => Report(toPlay[index], rounds), cancellationToken);
        var failures = new List<MatchFailure>();
        for (int k = 0; k < toPlay.Count; k++)
        {
            if (played[k]?.Outcome is { } outcome) outcomes[toPlay[k]] = outcome;
            if (played[k]?.Failure is { } failure) failures.Add(failure);
        }
        return new ArenaResult(outcomes.OfType<MatchOutcome>().ToArray(), failures, specs.Count - toPlay.Count);
    }
}

/// <summary>How far an arena has come, in rounds over all matches.</summary>
public sealed record ArenaProgress(int Matches, long RoundsDone, long RoundsTotal);
