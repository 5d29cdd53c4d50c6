using SirArena.Arena.Tournament;

namespace SirArena.Arena.Cluster;

/// <summary>
/// One match of an arena as an Orleans grain, keyed by <see cref="MatchOrder.Key"/> (its replay's path). Orleans keeps
/// at most one activation of a key in the cluster, so one silo at a time writes that replay.
/// </summary>
[Alias("sirarena.match")]
public interface IMatchGrain : IGrainWithStringKey
{
    /// <summary>Plays the match to its end and gives back what the arena keeps of it (null when cancelled
    /// before it began), telling <paramref name="progress"/> its rounds played every so often. The timeout is long
    /// because a call lasts the whole match, and the match may first wait for the silo's other matches to free a slot.</summary>
    [Alias("play")]
    [ResponseTimeout("7.00:00:00")]
    Task<PlayedMatch?> Play(MatchOrder order, IMatchProgress? progress, CancellationToken cancellationToken);
}
