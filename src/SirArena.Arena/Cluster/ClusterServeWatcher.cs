using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using SirArena.Arena.Service;

namespace SirArena.Arena.Cluster;

/// <summary>
/// The `serve` process: keeps every match of its plan served somewhere in its cluster, the silo embedded in this
/// process (<see cref="ClusterHosting.StartEmbeddedSiloAsync"/>) or the silos of `--cluster`. Every
/// <see cref="WatchInterval"/> it calls each match's grain (<see cref="IServedMatchGrain.EnsureServing"/>), each match
/// on its own, so a silo that does not answer holds up only its own matches. A grain whose silo has died is activated
/// again by that call, on the silo <see cref="ServePlacement"/> names, as soon as the cluster has declared the silo
/// dead; its match resumes from its checkpoint there. Each move is logged with the silo the match is served on now;
/// every <see cref="ServeOptions.StatusSeconds"/> a status line is logged and the status file rewritten. When one silo
/// serves two matches more than another (a silo started again after a kill serves none), one match at a time is
/// stopped at a checkpoint and placed on the less loaded silo (<see cref="ServePlacement.Rebalance"/>).
/// On stop, every match is stopped after its round in flight, with a checkpoint. If every match is broken, the watcher
/// stops them and ends (<see cref="AllBroken"/>).
/// </summary>
/// <param name="where">the cluster in words, for the log: "this process's silo", "the cluster at redis://..."</param>
/// <param name="matchesHere">whether the matches play in this process, so that its memory and tensors are theirs and
/// the status line gives them</param>
public sealed class ClusterServeWatcher(IClusterClient client, string where, ServePlan plan, ILogger logger, bool matchesHere = false)
{
    /// <summary>How often each match's grain is called, and the active silos read.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);
    /// <summary>A silo that has not answered within this is taken for lost until it answers again.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    /// <summary>How long a match may take to finish its round and write its checkpoint when stopped.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    /// <summary>The state of a match whose silo did not answer.</summary>
    public const string Unanswered = "Unanswered";

    readonly IReadOnlyList<ServeOrder> orders = plan.Orders();
    readonly ServeOptions options = plan.Options;
    readonly ServePlacement placement = new();
    readonly ConcurrentDictionary<string, MatchStatus> latest = new();
    readonly ConcurrentDictionary<string, (long First, long Last)> rounds = new();
    readonly DateTime started = DateTime.UtcNow;

    public bool AllBroken { get; private set; }

    /// <summary>The last status written.</summary>
    public ServeStatus? LastStatus { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        logger.LogInformation("serving {Count} matches on {Where}, files in {Folder}; checkpoints every {Checkpoint} rounds, a new replay file every {Roll}",
            orders.Count, where, plan.Folder, options.CheckpointEvery, options.RollEvery);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(stop);
        await ReadActiveSilos();
        var watches = Task.WhenAll(orders.Select(order => Watch(order, watching.Token)).Append(WatchSilos(watching.Token)));
        var interval = TimeSpan.FromSeconds(options.StatusSeconds);
        while (!watches.IsCompleted)
        {
            await Task.WhenAny(watches, Task.Delay(interval, CancellationToken.None));
            if (watches.IsCompleted) break;
            if (latest.Count == orders.Count && latest.Values.All(s => s.State == nameof(ServedMatchState.Broken)) && !watching.IsCancellationRequested)
            {
                AllBroken = true;
                logger.LogCritical("every match is broken; the service stops");
                watching.Cancel();
                continue; // the last report follows the stops, below
            }
            Report();
        }
        await watches;
        await Task.WhenAll(orders.Select(StopOne));
        Report(); // the last word: every match stopped after its last checkpoint, or named as not reached
    }

    async Task WatchSilos(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await ReadActiveSilos();
            var running = latest.Values.Where(m => m.State == nameof(ServedMatchState.Running)).Select(m => m.Match);
            if (placement.Rebalance(running) is var (match, from, to))
                logger.LogInformation("{Match}: to move from silo {From} to silo {To}, which serves fewer matches", match, from, to);
        }
    }

    async Task ReadActiveSilos()
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(CallTimeout);
            placement.Active(hosts.Keys.Select(s => s.ToParsableString()).Order(StringComparer.Ordinal));
        }
        catch (Exception)
        {
            // The silo asked may be the one that is lost: the last answer stands until the next interval.
        }
    }

    async Task Watch(ServeOrder order, CancellationToken stop)
    {
        var key = ServeFiles.MatchKey(order.Match);
        string? announced = null; // the silo the log last said the match is served on
        var lastAnswer = DateTime.UtcNow; // from that silo
        while (!stop.IsCancellationRequested)
        {
            if (placement.TakeMove(key) is { } target) await StopToMove(order, key, target);
            var status = await Ensure(order, key);
            var before = Latest(key);
            latest[key] = status;
            if (status.State == Unanswered)
            {
                if (status.Silo is { } silent) placement.Silent(silent);
                if (before?.State != Unanswered)
                    logger.LogWarning("{Match}: no answer from silo {Silo} ({Problem}); asking the cluster again every {Interval} s",
                        key, status.Silo ?? "(none yet)", status.Problem, WatchInterval.TotalSeconds);
            }
            else
            {
                placement.Served(key, status.Silo!);
                Count(key, status);
                if (status.State == nameof(ServedMatchState.Running) && status.Silo != announced)
                {
                    if (announced is null)
                    {
                        // A silo of this process says so itself, in this log.
                        if (!matchesHere) logger.LogInformation("{Match}: served by silo {Silo} from round {Round}", key, status.Silo, status.Round);
                    }
                    else
                        logger.LogInformation("{Match}: moved to silo {Silo}, from round {Round}, {Seconds:F1} s after {Previous} last answered",
                            key, status.Silo, status.Round, (DateTime.UtcNow - lastAnswer).TotalSeconds, announced);
                    announced = status.Silo;
                }
                if (status.State == nameof(ServedMatchState.Broken) && before?.State != nameof(ServedMatchState.Broken))
                    logger.LogError("{Match}: broken on silo {Silo}: {Problem}", key, status.Silo, status.Problem);
                if (status.Silo == announced) lastAnswer = DateTime.UtcNow;
            }
            try
            {
                await Task.Delay(WatchInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    async Task<MatchStatus> Ensure(ServeOrder order, string key)
    {
        // The hint flows with this call only (request context is local to this async method) and places a new activation.
        if (placement.SiloFor(key) is { } silo) RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(silo));
        try
        {
            return await client.GetGrain<IServedMatchGrain>(order.Key).EnsureServing(order).WaitAsync(CallTimeout);
        }
        catch (Exception e)
        {
            var last = Latest(key);
            return new MatchStatus(key, Unanswered, last?.Round ?? 0, 0, last?.WinRate, last?.Scored ?? 0, last?.CachedTokens,
                last?.LastCheckpoint ?? 0, last?.Chain ?? "", ClusterHosting.Briefly(e)) { Silo = last?.Silo };
        }
    }

    /// <summary>Counts a match's rounds this run from where it first resumed to the furthest it has reached; a match
    /// still opening says round 0 and counts nothing yet.</summary>
    void Count(string key, MatchStatus status)
    {
        if (status.State is nameof(ServedMatchState.Running) or nameof(ServedMatchState.Stopped))
            rounds.AddOrUpdate(key, (status.ResumedAt, status.Round), (_, r) => (r.First, Math.Max(r.Last, status.Round)));
    }

    MatchStatus? Latest(string key) => latest.TryGetValue(key, out var status) ? status : null;

    /// <summary>Stops a match at a checkpoint so that the next call places it on <paramref name="target"/>, where it
    /// resumes from that checkpoint: nothing is lost or played twice. The wait is a call's, not a shutdown's: if the
    /// match's silo dies meanwhile, its failover must not wait behind the stop.</summary>
    async Task StopToMove(ServeOrder order, string key, string target)
    {
        try
        {
            await client.GetGrain<IServedMatchGrain>(order.Key).Stop().WaitAsync(CallTimeout);
        }
        catch (Exception e)
        {
            logger.LogWarning("{Match}: not stopped to move to silo {Silo} ({Problem}); it stays where it is", key, target, ClusterHosting.Briefly(e));
        }
    }

    async Task StopOne(ServeOrder order)
    {
        var key = ServeFiles.MatchKey(order.Match);
        try
        {
            if (await client.GetGrain<IServedMatchGrain>(order.Key).Stop().WaitAsync(StopTimeout) is { } stopped)
            {
                latest[key] = stopped;
                Count(key, stopped);
                if (!matchesHere) logger.LogInformation("{Match}: stopped at round {Round} on silo {Silo}, checkpoint written", key, stopped.Round, stopped.Silo);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning("{Match}: not stopped ({Problem}); its silo stops it when it leaves, or two minutes from now",
                key, ClusterHosting.Briefly(e));
        }
    }

    void Report()
    {
        var matches = orders.Select(o => ServeFiles.MatchKey(o.Match))
            .Select(key => Latest(key) ?? ServedMatchRun.NotServed(key, ServedMatchRun.Starting, null)).ToArray();
        long played = rounds.Values.Sum(r => r.Last - r.First);
        var status = new ServeStatus(DateTime.UtcNow, (DateTime.UtcNow - started).TotalSeconds, played, matches.Sum(m => m.RoundsPerSecond),
            ProcessFigures.Now(), matches);
        var running = matches.Where(m => m.State == nameof(ServedMatchState.Running)).ToArray();
        int waiting = matches.Count(m => m.State is ServedMatchRun.Starting or Unanswered);
        // Each figure is a field of its own, so a JSON log (--json-log) can be filtered and plotted without parsing text.
        if (matchesHere)
            logger.LogInformation("status: {Running} of {Matches} matches running, {Broken} broken, {Waiting} starting; " +
                "{Rounds:N0} rounds this run ({RoundsPerSecond:F1} rounds/s); RSS {RssMb:F0} MB, managed heap {ManagedHeapMb:F1} MB, {LiveTensors:N0} live tensors",
                running.Length, matches.Length, status.Broken, waiting, status.Rounds, status.RoundsPerSecond,
                status.Process.RssMb, status.Process.ManagedHeapMb, status.Process.LiveTensors);
        else
        {
            var spread = string.Join(", ", running.GroupBy(m => m.Silo).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
            logger.LogInformation("status: {Running} of {Matches} matches running ({Spread}), {Broken} broken, {Waiting} starting or unanswered; " +
                "{Rounds:N0} rounds this run ({RoundsPerSecond:F1} rounds/s)",
                running.Length, matches.Length, spread, status.Broken, waiting, status.Rounds, status.RoundsPerSecond);
        }
        LastStatus = status;
        status.TryWriteTo(plan.StatusPath, logger);
    }
}
