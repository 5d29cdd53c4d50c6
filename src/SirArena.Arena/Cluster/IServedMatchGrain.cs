using SirArena.Arena.Service;

namespace SirArena.Arena.Cluster;

/// <summary>
/// One match of `serve --cluster` as an Orleans grain, keyed by <see cref="ServeOrder.Key"/>. While it is active it
/// serves its match in the background on its silo; Orleans keeps at most one activation of a key in the cluster, and
/// the activation holds the match's lock besides, so one silo at a time writes its chain. Orleans activates a grain
/// only when it is called, so the serve process calls <see cref="EnsureServing"/> every few seconds: a call to a match
/// whose silo has died activates it again on a live silo, which resumes it from its checkpoint.
/// </summary>
[Alias("sirarena.served-match")]
public interface IServedMatchGrain : IGrainWithStringKey
{
    /// <summary>Starts serving the match if this activation does not yet, and says how it stands and on which silo.
    /// Short, since it only starts the match: a silo that does not answer soon is taken for lost.</summary>
    [Alias("ensure-serving")]
    [ResponseTimeout("00:00:10")]
    Task<MatchStatus> EnsureServing(ServeOrder order);

    /// <summary>Stops the match after its round in flight, writes its checkpoint, releases its lock and lets the
    /// activation go; the answer is the match as it stopped, or null when it was not being served.</summary>
    [Alias("stop")]
    [ResponseTimeout("00:01:00")]
    Task<MatchStatus?> Stop();
}
