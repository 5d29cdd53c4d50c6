using SirArena.Simulation.Statistics;

namespace SirArena.Simulation.Loop;

/// <summary>
/// Runs independent matches side by side, one <see cref="MatchThread"/> each. Matches share nothing (each owns its scenario, opponent
/// generator and agent), so running them in parallel gives exactly the results of running them one by one.
/// </summary>
public static class MatchRunner
{
    /// <summary>
    /// Plays every match for <paramref name="maxRounds"/> rounds (or until cancelled) and returns their tallies in
    /// the order given. <paramref name="onRound"/> is called from the matches' threads with the match's index.
    /// </summary>
    public static async Task<IReadOnlyList<MatchTally>> RunAllAsync(
        IReadOnlyList<Match> matches,
        long? maxRounds,
        CancellationToken cancellationToken = default,
        Action<int, RoundResult>? onRound = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Distinct().Count() != matches.Count)
            throw new ArgumentException("The same match appears twice; each match must be its own instance.", nameof(matches));
        if (matches.Select(m => m.Agent).Distinct().Count() != matches.Count)
            throw new ArgumentException("Two matches share one agent instance; an agent keeps per-match state, so give each match its own.", nameof(matches));

        var tasks = matches.Select((match, i) => MatchThread.Start(
            () => match.Run(maxRounds, cancellationToken, onRound is null ? null : r => onRound(i, r))));
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
