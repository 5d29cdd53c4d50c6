using Orleans.Runtime;
using Orleans.Runtime.Placement;
using SirArena.Arena.Matches;
using SirArena.Arena.Tournament;

namespace SirArena.Arena.Cluster;

/// <summary>
/// Plays an arena's matches on the silos of an Orleans cluster, as calls to their match grains, with the replays
/// written into <paramref name="folder"/> (a folder every silo reaches). The cluster is the one at
/// <paramref name="cluster"/>, or, when that is null, this process's own embedded silo (<see cref="ClusterHosting.StartEmbeddedSiloAsync"/>).
/// The silos active when the arena starts are dealt the matches in turn, one placement hint per call, so each gets an
/// even share whatever the order calls arrive in; each silo plays its share at most its parallelism side by side.
/// Each match reports its rounds as it plays them to an observer of this process (<see cref="IMatchProgress"/>). A
/// call that fails, or whose silo leaves the cluster, is that match's failure alone: the arena goes on, and `--resume`
/// plays it again.
/// </summary>
public sealed class ClusterVenue(IClusterClient client, ClusterAddress? cluster, string folder) : IMatchVenue
{
    /// <summary>How often the arena looks for silos that have left while their matches were in play.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);

    public async Task<PlayedMatch?[]> PlayAsync(IReadOnlyList<MatchSpec> matches, ArenaOptions options, Action<int, long> onProgress,
        CancellationToken cancellationToken)
    {
        if (matches.Count == 0) return [];
        var silos = await ActiveSilos(client, cluster);
        var lost = silos.ToDictionary(silo => silo, _ => new CancellationTokenSource());
        using var finished = new CancellationTokenSource();
        var watching = WatchForLeavers(lost, finished.Token);
        try
        {
            return await Task.WhenAll(matches.Select((spec, index) =>
            {
                var silo = silos[index % silos.Length];
                var order = new MatchOrder(spec, options.Rounds, folder, options.Scenarios, options.Model, options.Device);
                return PlayOn(silo, order, rounds => onProgress(index, rounds), lost[silo].Token, cancellationToken);
            }));
        }
        finally
        {
            finished.Cancel();
            await watching;
            foreach (var source in lost.Values) source.Dispose();
        }
    }

    /// <summary>The silos of the cluster that host matches now, in a stable order; none is refused in one sentence.</summary>
    /// <param name="cluster">where the cluster is, for that sentence (null: this process's embedded silo)</param>
    public static async Task<SiloAddress[]> ActiveSilos(IClusterClient client, ClusterAddress? cluster)
    {
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        if (hosts.Count == 0)
            throw cluster is null
                ? new InvalidOperationException("this process's embedded silo is not active")
                : new ArgumentException($"{ClusterAddress.Flag} {cluster}: no silo is active in the cluster; start `sirarena silo {ClusterAddress.Flag} {cluster}` on at least one machine");
        return hosts.Keys.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
    }

    async Task<PlayedMatch?> PlayOn(SiloAddress silo, MatchOrder order, Action<long> onProgress, CancellationToken siloLost,
        CancellationToken cancellationToken)
    {
        // The hint flows with this call only (request context is local to this async method) and places the new activation.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        var observer = new ProgressObserver(onProgress);
        var reference = client.CreateObjectReference<IMatchProgress>(observer);
        try
        {
            var played = await client.GetGrain<IMatchGrain>(order.Key).Play(order, reference, cancellationToken).WaitAsync(siloLost);
            if (played is not null) await observer.Played(played.Rounds);
            return played;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (siloLost.IsCancellationRequested)
        {
            return new PlayedMatch(null, MatchFailure.Of(order.Match, 0, new SiloUnavailableException($"its silo {silo} left the cluster")));
        }
        catch (Exception e)
        {
            return new PlayedMatch(null, MatchFailure.Of(order.Match, 0, e));
        }
        finally
        {
            client.DeleteObjectReference<IMatchProgress>(reference);
        }
    }

    /// <summary>A match's progress as this process hears it: the most rounds reported so far, since reports may arrive
    /// out of order. The venue holds it for the whole call (Orleans keeps only a weak reference to an observer).</summary>
    sealed class ProgressObserver(Action<long> onProgress) : IMatchProgress
    {
        readonly Lock gate = new();
        long most = -1;

        public Task Played(long rounds)
        {
            lock (gate)
            {
                if (rounds <= most) return Task.CompletedTask;
                most = rounds;
                onProgress(rounds);
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// A call whose silo is lost mid-match may wait for its response timeout, which is days since a call lasts a whole
    /// match; so the arena watches the membership itself and gives up on the matches of a silo that has left.
    /// </summary>
    async Task WatchForLeavers(Dictionary<SiloAddress, CancellationTokenSource> lost, CancellationToken finished)
    {
        while (!finished.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, finished);
                var active = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                foreach (var (silo, source) in lost)
                    if (!active.ContainsKey(silo)) source.Cancel();
            }
            catch (OperationCanceledException) when (finished.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // No answer this time (the silo asked may be the one leaving): ask again at the next interval.
            }
        }
    }
}
