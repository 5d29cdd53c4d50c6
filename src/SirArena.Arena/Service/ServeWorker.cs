using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Service;

/// <summary>
/// The hosted service of `sirarena serve`: opens every match of the <see cref="ServePlan"/> (resuming its
/// checkpoint), plays them endlessly side by side, at most <see cref="ServePlan.Parallelism"/> rounds at once, and
/// every <see cref="ServeOptions.StatusSeconds"/> logs a status line and rewrites the status file. When the host
/// stops, each match finishes its round, writes its checkpoint and closes its replay. If every match breaks, the
/// service stops the application (<see cref="AllBroken"/>). It is built only with the serve folder's lock in hand
/// (<see cref="ChainLock.ForServeFolder"/>), so a second service on one folder is refused before it opens anything.
/// Its matches report to <see cref="ArenaMetrics"/> while they are open.
/// </summary>
public sealed class ServeWorker(ServePlan plan, ChainLock folderLock, MatchFactory factory, ArenaMetrics metrics, ILogger<ServeWorker> logger,
    IHostApplicationLifetime lifetime)
    : BackgroundService
{
    public string StatusPath => Path.Combine(plan.Folder, plan.Options.StatusFile);
    /// <summary>The last status written.</summary>
    public ServeStatus? LastStatus { get; private set; }
    public bool AllBroken { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await Task.Yield(); // the host's start returns while the matches load
        if (!ChainLock.Enforced)
            logger.LogWarning("file locking is turned off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING): {Lock} does not stop a second serve on {Folder}",
                folderLock.LockPath, plan.Folder);
        var matches = new List<ServedMatch>();
        // Before any match opens: a replay header records the threads its match runs on.
        using var threads = IntraOpThreads.ForMatches(Math.Min(plan.Parallelism, plan.Matches.Count));
        try
        {
            foreach (var spec in plan.Matches)
            {
                if (stop.IsCancellationRequested) break;
                try
                {
                    matches.Add(ServedMatch.Open(spec, factory, plan.Options, plan.Folder, logger, metrics: metrics));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
                {
                    logger.LogError("{Match}: cannot be opened: {Problem}", ServeFiles.MatchKey(spec), MatchResilience.Describe(e));
                }
            }
            logger.LogInformation("serving {Count} matches in {Folder}, {Parallelism} at a time; checkpoints every {Checkpoint} rounds, a new replay file every {Roll}",
                matches.Count, plan.Folder, plan.Parallelism, plan.Options.CheckpointEvery, plan.Options.RollEvery);

            using var gate = new SemaphoreSlim(plan.Parallelism);
            var monitor = new ServeMonitor(matches);
            var runs = ServedMatch.RunAll(matches, stop, gate);
            var interval = TimeSpan.FromSeconds(plan.Options.StatusSeconds);
            while (!runs.IsCompleted)
            {
                await Task.WhenAny(runs, Task.Delay(interval, CancellationToken.None));
                if (!runs.IsCompleted) Report(monitor);
            }
            await runs;
            Report(monitor); // the last word: every match stopped or broken, after its last checkpoint
            AllBroken = matches.Count == 0 || matches.All(m => m.State == ServedMatchState.Broken);
        }
        finally
        {
            foreach (var match in matches) match.Dispose();
        }
        if (!stop.IsCancellationRequested)
        {
            logger.LogCritical("every match has stopped ({Broken}); the service stops", AllBroken ? "none could go on" : "all reached their end");
            lifetime.StopApplication();
        }
    }

    void Report(ServeMonitor monitor)
    {
        var status = monitor.Sample();
        LastStatus = status;
        // Each figure is a field of its own, so a JSON log (--json-log) can be filtered and plotted without parsing text.
        logger.LogInformation("status: {Running} of {Matches} matches running, {Broken} broken; {Rounds:N0} rounds this run ({RoundsPerSecond:F1} rounds/s); " +
            "RSS {RssMb:F0} MB, managed heap {ManagedHeapMb:F1} MB, {LiveTensors:N0} live tensors",
            status.Running, status.Matches.Count, status.Broken, status.Rounds, status.RoundsPerSecond,
            status.Process.RssMb, status.Process.ManagedHeapMb, status.Process.LiveTensors);
        status.TryWriteTo(StatusPath, logger);
    }
}
