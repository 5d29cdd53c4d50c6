using SirArena.Arena.Matches;

namespace SirArena.Arena.Tournament;

/// <summary>Where an arena's matches are played: on the silos of an Orleans cluster, the process's own or many
/// machines' (Cluster.ClusterVenue, what `sirarena arena` plays on), or directly on this process's threads
/// (<see cref="InProcessVenue"/>, for a program that uses the runner without Orleans).</summary>
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
