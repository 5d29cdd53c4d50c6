using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Cluster;

/// <summary>
/// One served match playing on a silo, on a thread of its own, for as long as its grain's activation lives: it takes
/// the match's lock (<see cref="ServeFiles.LockOf"/>) before it touches a file, opens the match as `serve` does
/// (resuming its newest checkpoint, cutting the chain back to it), and plays it round after round until disposed,
/// which finishes the round in flight, writes a checkpoint and only then releases the lock. The lock is the operating
/// system's, so a silo killed with kill -9 lets it go at once, and the match's next activation takes it.
/// </summary>
public sealed class ServedMatchRun : IAsyncDisposable
{
    /// <summary>What a match is said to be doing while it opens (loading its model, reading its checkpoint).</summary>
    public const string Starting = "Starting";

    readonly ServeOrder order;
    readonly ChainLock chainLock;
    readonly CancellationTokenSource stop;
    readonly Task playing;
    readonly Stopwatch clock = Stopwatch.StartNew();
    ServedMatch? match;
    string? openProblem;
    long? previousRounds;
    TimeSpan previous;

    ServedMatchRun(ServeOrder order, ChainLock chainLock, SiloMatches silo, ArenaMetrics? metrics, ILogger logger)
    {
        this.order = order;
        this.chainLock = chainLock;
        stop = CancellationTokenSource.CreateLinkedTokenSource(silo.Stopping);
        playing = MatchThread.Start(() => Play(silo, metrics, logger));
    }

    /// <summary>
    /// Starts serving <paramref name="order"/> with its lock in hand, or returns null with <paramref name="notStarted"/>
    /// saying why: another writer still holds the lock (a silo that is stopping, or one not yet known to be dead), and
    /// the match is <see cref="Starting"/> until a later call finds it free; or this silo cannot reach the serve
    /// folder, and the match is broken here.
    /// </summary>
    public static ServedMatchRun? TryStart(ServeOrder order, SiloMatches silo, ArenaMetrics? metrics, ILogger logger, out MatchStatus? notStarted)
    {
        notStarted = null;
        var key = ServeFiles.MatchKey(order.Match);
        ChainLock chainLock;
        try
        {
            chainLock = ChainLock.Acquire(order.Key, $"{order.Folder}: the match {key}");
        }
        catch (ChainLockedException e)
        {
            notStarted = NotServed(key, Starting, $"waiting for its lock: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notStarted = NotServed(key, nameof(ServedMatchState.Broken), $"cannot take its lock {order.Key} ({MatchResilience.Describe(e)}); " +
                "the serve folder (--out or Serve:Output) must be one every silo reaches, at the same path");
            return null;
        }
        return new ServedMatchRun(order, chainLock, silo, metrics, logger);
    }

    /// <summary>A match that is not playing here (yet): no rounds, no chain, and why in <paramref name="problem"/>.</summary>
    public static MatchStatus NotServed(string match, string state, string? problem) => new(match, state, 0, 0, null, 0, null, 0, "", problem);

    void Play(SiloMatches silo, ArenaMetrics? metrics, ILogger logger)
    {
        IntraOpThreads.OnThisThread(); // before the chain's next header records the threads
        try
        {
            var factory = silo.Factory(order.Scenarios, order.Model, order.Device);
            Volatile.Write(ref match, ServedMatch.Open(order.Match, factory, order.Options, order.Folder, logger, metrics: metrics));
        }
        catch (Exception e)
        {
            // Whatever the cause, the match must say it is broken rather than seem to be starting for ever.
            openProblem = $"cannot be opened: {MatchResilience.Describe(e)}";
            logger.LogError(e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException ? null : e,
                "{Match}: {Problem}", ServeFiles.MatchKey(order.Match), openProblem);
            return;
        }
        match!.Run(stop.Token, silo.RoundGate);
    }

    /// <summary>How the match stands, on <paramref name="silo"/>, with its rate since the status before.</summary>
    public MatchStatus Status(string silo)
    {
        var now = clock.Elapsed;
        var served = Volatile.Read(ref match);
        if (served is null)
            return NotServed(ServeFiles.MatchKey(order.Match), openProblem is null ? Starting : nameof(ServedMatchState.Broken), openProblem) with { Silo = silo };
        long rounds = served.Rounds;
        double seconds = (now - previous).TotalSeconds;
        var status = MatchStatus.Of(served, rounds, previousRounds is { } before && seconds > 0 ? (rounds - before) / seconds : 0) with { Silo = silo };
        previousRounds = rounds;
        previous = now;
        return status;
    }

    /// <summary>Stops the match after its round in flight and writes its checkpoint; its files and lock stay held.</summary>
    public async Task StopAsync()
    {
        stop.Cancel();
        await playing;
    }

    /// <summary>Stops the match (<see cref="StopAsync"/>), then closes its files and releases the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            match?.Dispose();
        }
        finally
        {
            chainLock.Dispose();
            stop.Dispose();
        }
    }
}
