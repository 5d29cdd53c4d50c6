using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Agents;
using SirArena.Arena.Checkpoints;
using SirArena.Arena.Matches;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Service;

public enum ServedMatchState { Running, Stopped, Broken }

/// <summary>
/// One endless match of `serve`: opened from its newest checkpoint when that checkpoint is sound and was written for
/// this very match (else refused, with the reason in the log, and begun afresh in a chain of its own, leaving the old
/// files as they are), then played round after round, every round recorded and a checkpoint written every
/// <see cref="ServeOptions.CheckpointEvery"/> rounds, both through the match's resilience policy. A stop finishes
/// the round in flight and writes a last checkpoint; a failure that outlasts the retries stops this match only.
/// </summary>
public sealed class ServedMatch : IDisposable
{
    readonly Match match;
    readonly IMatchStore store;
    readonly MatchResilience resilience;
    readonly ServeOptions options;
    readonly ILogger logger;
    readonly ArenaMetrics.Tracked? metrics;
    Exception? lastWriteFailure;

    ServedMatch(MatchSpec spec, Match match, IMatchStore store, long resumedAt, ServeOptions options, ILogger logger, ArenaMetrics? metrics)
    {
        Spec = spec;
        Key = ServeFiles.MatchKey(spec);
        this.match = match;
        this.store = store;
        this.options = options;
        this.logger = logger;
        ResumedAt = resumedAt;
        LastCheckpoint = resumedAt;
        resilience = MatchResilience.Create(options, Key, logger);
        this.metrics = metrics?.Track(this);
    }

    public MatchSpec Spec { get; }
    /// <summary>{scenario}-{agent}-s{seed}.</summary>
    public string Key { get; }
    public ServedMatchState State { get; private set; } = ServedMatchState.Running;
    /// <summary>Why the match stopped, when it is <see cref="ServedMatchState.Broken"/>.</summary>
    public string? Problem { get; private set; }
    /// <summary>The round this run began at: 0 for a new chain, else the checkpoint's.</summary>
    public long ResumedAt { get; }
    public long LastCheckpoint { get; private set; }
    public long Rounds => match.RoundsPlayed;
    public Simulation.Statistics.MatchTally Tally => match.Tally;
    public string ChainPath => store.ChainPath;
    /// <summary>Tokens in the agent's cache (null for a baseline agent).</summary>
    public int? CachedTokens => (match.Agent as IMemoryAgent)?.CachedTokens;
    /// <summary>The most tokens the agent's cache may hold (null for a baseline agent).</summary>
    public int? Budget => (match.Agent as IMemoryAgent)?.Budget;

    /// <summary>Opens the match in <paramref name="folder"/>, resuming its newest checkpoint when it can.</summary>
    /// <param name="wrapStore">lets a test put faults between the match and its files</param>
    /// <param name="metrics">the meter the match reports its rounds and writes to, and is watched by until disposed</param>
    public static ServedMatch Open(MatchSpec spec, MatchFactory factory, ServeOptions options, string folder, ILogger logger,
        Func<IMatchStore, IMatchStore>? wrapStore = null, ArenaMetrics? metrics = null)
    {
        options.Validate();
        var identity = MatchIdentity.Of(spec, factory);
        var key = ServeFiles.MatchKey(spec);
        wrapStore ??= s => s;
        if (ServeFiles.LatestCheckpoint(folder, spec) is { } checkpoint)
        {
            var match = factory.Create(spec);
            try
            {
                var (header, state) = CheckpointFile.Read(checkpoint);
                identity.Check(checkpoint, header);
                using (var reader = new BinaryReader(new MemoryStream(state), Encoding.UTF8)) match.RestoreState(reader);
                if (match.RoundsPlayed != header.NextRound)
                    throw new CheckpointRefusedException(checkpoint, $"its header says round {header.NextRound} but its state round {match.RoundsPlayed}");
                var store = wrapStore(MatchStore.Resume(ServeFiles.ChainOf(checkpoint), match, identity, options.RollEvery, header.Replay));
                logger.LogInformation("{Match}: resumed at round {Round} from {Checkpoint}", key, header.NextRound, checkpoint);
                return new ServedMatch(spec, match, store, header.NextRound, options, logger, metrics);
            }
            catch (Exception e) when (e is CheckpointRefusedException or InvalidDataException or EndOfStreamException or IOException or Replays.ReplayFormatException)
            {
                match.Dispose();
                logger.LogWarning("{Match}: checkpoint refused: {Problem}; the match starts afresh in a new replay chain and the old files are left as they are",
                    key, e is CheckpointRefusedException c ? c.Message : $"{checkpoint}: {e.Message}");
            }
        }
        var fresh = factory.Create(spec);
        try
        {
            var path = ServeFiles.NewChain(folder, spec);
            var store = wrapStore(MatchStore.Start(path, fresh, identity, options.RollEvery));
            store.SaveCheckpoint(fresh);
            logger.LogInformation("{Match}: new replay chain {Chain}", key, path);
            return new ServedMatch(spec, fresh, store, 0, options, logger, metrics);
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Plays until <paramref name="stop"/> fires (then finishes the round in flight and writes a checkpoint), until
    /// round <paramref name="untilRound"/> is reached, or until the match breaks. <paramref name="gate"/>, shared by
    /// the matches of one service, lets only so many of them play a round at once.
    /// </summary>
    public void Run(CancellationToken stop, SemaphoreSlim? gate = null, long? untilRound = null)
    {
        if (State != ServedMatchState.Running) return;
        try
        {
            while (!stop.IsCancellationRequested && (untilRound is null || match.RoundsPlayed < untilRound))
            {
                try { gate?.Wait(stop); }
                catch (OperationCanceledException) { break; }
                try
                {
                    var result = match.PlayRound();
                    long started = Stopwatch.GetTimestamp();
                    Write(() => store.Record(result));
                    metrics?.Round(Evicted(), Stopwatch.GetElapsedTime(started));
                    if (match.RoundsPlayed % options.CheckpointEvery == 0) Checkpoint();
                }
                finally
                {
                    gate?.Release();
                }
            }
            if (match.RoundsPlayed != LastCheckpoint) Checkpoint();
            State = ServedMatchState.Stopped;
            logger.LogInformation("{Match}: stopped at round {Round}, checkpoint written", Key, match.RoundsPlayed);
        }
        catch (Exception e)
        {
            // The match may have played a round it could not record: its state is ahead of its files, so no more
            // checkpoints. A restart resumes from the last good one.
            State = ServedMatchState.Broken;
            Problem = resilience.CircuitOpen ? $"stopped by its circuit breaker: {MatchResilience.Describe(lastWriteFailure ?? e)}" : MatchResilience.Describe(e);
            logger.LogError(e is IOException or UnauthorizedAccessException ? null : e,
                "{Match}: broken at round {Round}: {Problem}; last checkpoint at round {Checkpoint}", Key, match.RoundsPlayed, Problem, LastCheckpoint);
        }
    }

    /// <summary>Every match of <paramref name="matches"/> playing on a thread of its own (<see cref="Run"/>); the task ends when all have stopped.</summary>
    public static Task RunAll(IEnumerable<ServedMatch> matches, CancellationToken stop, SemaphoreSlim gate, long? untilRound = null) =>
        Task.WhenAll(matches.Select(m => MatchThread.Start(() => m.Run(stop, gate, untilRound))));

    /// <summary>Tokens the memory policy evicted in the last round (0 for a baseline agent).</summary>
    int Evicted() => (match.Agent as IMemoryAgent)?.LastTrace is { } trace ? trace.Prompt.Evicted.Length + trace.Answer.Evicted.Length : 0;

    void Checkpoint()
    {
        long started = Stopwatch.GetTimestamp();
        Write(() => store.SaveCheckpoint(match));
        metrics?.Checkpoint(Stopwatch.GetElapsedTime(started));
        LastCheckpoint = match.RoundsPlayed;
    }

    void Write(Action write) => resilience.Execute(() =>
    {
        try
        {
            write();
        }
        catch (Exception e)
        {
            lastWriteFailure = e;
            throw;
        }
    });

    public void Dispose()
    {
        metrics?.Dispose();
        try
        {
            store.Dispose();
        }
        catch (IOException e)
        {
            logger.LogWarning("{Match}: closing its replay failed: {Problem}", Key, MatchResilience.Describe(e));
        }
        finally
        {
            match.Dispose();
        }
    }
}
