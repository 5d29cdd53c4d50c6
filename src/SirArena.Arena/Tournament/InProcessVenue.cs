using SirArena.Arena.Matches;

namespace SirArena.Arena.Tournament;

/// <summary>
/// Plays an arena's matches in this process, up to <see cref="ArenaOptions.Parallelism"/> side by side, each on one
/// intra-op thread when several run at once (<see cref="IntraOpThreads"/>).
/// </summary>
public sealed class InProcessVenue(MatchPlayer player) : IMatchVenue
{
    public async Task<PlayedMatch?[]> PlayAsync(IReadOnlyList<MatchSpec> matches, ArenaOptions options, Action<int, long> onProgress,
        CancellationToken cancellationToken)
    {
        var played = new PlayedMatch?[matches.Count];
        int parallelism = Math.Max(1, Math.Min(options.Parallelism, matches.Count));
        using (IntraOpThreads.ForMatches(parallelism))
        {
            // The loop itself is never cancelled: a match that has begun stops after its round in flight, on its own token.
            await Parallel.ForEachAsync(Enumerable.Range(0, matches.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
                (index, _) =>
                {
                    played[index] = player.Play(matches[index], options.Rounds, rounds => onProgress(index, rounds), cancellationToken);
                    return ValueTask.CompletedTask;
                });
        }
        return played;
    }
}
