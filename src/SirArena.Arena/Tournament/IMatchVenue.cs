using SirArena.Arena.Matches;

namespace SirArena.Arena.Tournament;

/// <summary>Where an arena's matches are played: in this process (<see cref="InProcessVenue"/>), or on the silos of
/// an Orleans cluster (Cluster.ClusterVenue).</summary>
public interface IMatchVenue
{
    /// <summary>
    /// Plays every match of <paramref name="matches"/> for <see cref="ArenaOptions.Rounds"/> rounds and gives back how
    /// each ended, in the same order (null for a match that never began because <paramref name="cancellationToken"/>
    /// fired first).
    /// </summary>
    /// <param name="onProgress">called with a match's index in <paramref name="matches"/> and its rounds played so far</param>
    Task<PlayedMatch?[]> PlayAsync(IReadOnlyList<MatchSpec> matches, ArenaOptions options, Action<int, long> onProgress,
        CancellationToken cancellationToken);
}
