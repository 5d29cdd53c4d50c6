using System.Collections.Concurrent;
using System.Diagnostics;
using SirArena.Arena.Matches;
using SirArena.Arena.Statistics;
using SirArena.Simulation.Loop;

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
        long roundsResumed = 0;
        var clock = new Stopwatch(); // started once the finished matches are read back
        void Report(int index, long rounds)
        {
            roundsDone[index] = rounds;
            progress?.Report(new ArenaProgress(specs.Count, roundsDone.Values.Sum(), specs.Count * options.Rounds, roundsResumed, clock.Elapsed));
        }

        var toPlay = new List<int>();
        for (int i = 0; i < specs.Count; i++)
        {
            if (finished?.TryRead(specs[i], options.Rounds) is { } done)
            {
                outcomes[i] = done;
                roundsResumed += options.Rounds;
                Report(i, options.Rounds);
            }
            else toPlay.Add(i);
        }

        clock.Start();
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
/// <param name="RoundsResumed">rounds of matches read back from an earlier run's replays rather than played</param>
/// <param name="Elapsed">time spent playing (reading the finished matches back not counted)</param>
public sealed record ArenaProgress(int Matches, long RoundsDone, long RoundsTotal, long RoundsResumed, TimeSpan Elapsed)
{
    public int Percent => (int)(100 * RoundsDone / Math.Max(1, RoundsTotal));

    /// <summary>One line, e.g. "35%  50400/144000 rounds  00:04:12 (left about 00:07:49)". The time left assumes the
    /// rounds to come take as long as those played so far; a grocery round is slower than a Rock-Paper-Scissors one,
    /// hence "about".</summary>
    public string Describe()
    {
        var left = ProgressClock.Left(Elapsed, RoundsDone - RoundsResumed, RoundsTotal - RoundsDone) is { } time
            ? $" (left about {ProgressClock.Format(time)})"
            : "";
        return $"{Percent,3}%  {RoundsDone}/{RoundsTotal} rounds  {ProgressClock.Format(Elapsed)}{left}";
    }
}
