using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using SirArena.Arena.Service;

namespace SirArena.Arena.Cluster;

/// <summary>
/// The served match grain: its activation serves its match on this silo (<see cref="ServedMatchRun"/>) from the first
/// call until it is deactivated, by <see cref="Stop"/>, by the silo stopping, or by Orleans once no call has come for
/// two minutes (the serve process calls every few seconds, so a match outlives it by at most that). Deactivation stops
/// the match and releases its lock before the activation is gone, so the next one, wherever it is placed, finds the
/// chain closed at a checkpoint. A silo killed outright runs no deactivation; the lock it held goes with its process,
/// and the next activation resumes from the last checkpoint, cutting the chain back to it.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class ServedMatchGrain(SiloMatches silo, ArenaMetrics metrics, ILocalSiloDetails local, ILogger<ServedMatchGrain> logger)
    : Grain, IServedMatchGrain
{
    readonly string siloName = local.SiloAddress.ToParsableString();
    ServedMatchRun? run;

    public Task<MatchStatus> EnsureServing(ServeOrder order)
    {
        // The key is the single-writer guarantee of the match: an order for another match would void it.
        if (this.GetPrimaryKeyString() != order.Key)
            throw new ArgumentException($"the served match grain {this.GetPrimaryKeyString()} was sent the order of {order.Key}");
        if (run is null)
        {
            run = ServedMatchRun.TryStart(order, silo, metrics, logger, out var notStarted);
            if (run is null) return Task.FromResult(notStarted! with { Silo = siloName });
            logger.LogInformation("{Match}: served on this silo ({Silo})", ServeFiles.MatchKey(order.Match), siloName);
        }
        return Task.FromResult(run.Status(siloName));
    }

    public async Task<MatchStatus?> Stop()
    {
        DeactivateOnIdle(); // once this call returns
        var stopped = run;
        if (stopped is null) return null;
        run = null;
        await stopped.StopAsync();
        var status = stopped.Status(siloName);
        await stopped.DisposeAsync();
        return status;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (run is { } stopping)
        {
            run = null;
            await stopping.DisposeAsync();
        }
    }
}
