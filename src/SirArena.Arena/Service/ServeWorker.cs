using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Cluster;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Service;

/// <summary>
/// The hosted service of `sirarena serve`: starts a silo in this process (<see cref="ClusterHosting.StartEmbeddedSiloAsync"/>,
/// at most <see cref="ServePlan.Parallelism"/> rounds at once) and serves every match of the <see cref="ServePlan"/> on
/// it as `serve --cluster` serves them on many (<see cref="ClusterServeWatcher"/>): each match a grain that resumes its
/// checkpoint and plays endlessly, a status line in the log and the status file every
/// <see cref="ServeOptions.StatusSeconds"/>. When the host stops, each match finishes its round, writes its checkpoint
/// and closes its replay. If every match breaks, the service stops the application (<see cref="AllBroken"/>). It is
/// built only with the serve folder's lock in hand (<see cref="ChainLock.ForServeFolder"/>), so a second service on
/// one folder is refused before it opens anything. Its matches report to <see cref="ArenaMetrics"/>.
/// </summary>
public sealed class ServeWorker(ServePlan plan, ChainLock folderLock, ArenaMetrics metrics, ILoggerFactory logs, ILogger<ServeWorker> logger,
    IHostApplicationLifetime lifetime)
    : BackgroundService
{
    ClusterServeWatcher? watcher;

    public string StatusPath => plan.StatusPath;
    /// <summary>The last status written.</summary>
    public ServeStatus? LastStatus => watcher?.LastStatus;
    public bool AllBroken { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await Task.Yield(); // the host's start returns while the silo starts and the matches load
        if (!ChainLock.Enforced)
            logger.LogWarning("file locking is turned off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING): {Lock} does not stop a second serve on {Folder}",
                folderLock.LockPath, plan.Folder);
        IHost silo;
        try
        {
            silo = await ClusterHosting.StartEmbeddedSiloAsync(plan.Parallelism, plan.Matches.Count, stop, logs, metrics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No match can be served: said as one sentence, and the service ends as when every match is broken.
            logger.LogCritical("the silo serving the matches could not start: {Problem}", ClusterHosting.Briefly(e));
            AllBroken = true;
            lifetime.StopApplication();
            return;
        }
        using (silo)
        {
            watcher = new ClusterServeWatcher(silo.Services.GetRequiredService<IClusterClient>(),
                $"this process's silo, {silo.Services.GetRequiredService<SiloMatches>().Parallelism} rounds at a time", plan, logger, matchesHere: true);
            await watcher.RunAsync(stop);
            await silo.StopAsync(CancellationToken.None);
            AllBroken = watcher.AllBroken;
        }
        if (!stop.IsCancellationRequested) lifetime.StopApplication(); // every match is broken, as the watcher has said
    }
}
