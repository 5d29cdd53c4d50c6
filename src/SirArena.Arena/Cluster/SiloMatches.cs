using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tournament;
using SirArena.Llm.Runtime;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Cluster;

/// <summary>
/// The matches one silo plays: at most <see cref="Parallelism"/> side by side, on one intra-op thread each when
/// several run at once (the setting holds for the silo's life, so every replay
/// header records the same threads). Models are loaded once per arena setup (scenarios, model, device) and shared by
/// the matches that name them. When the silo stops, a match in play ends after its round in flight and is reported
/// as failed, so that `arena --resume` plays it again. Served matches, which never end, take turns by the round
/// instead (<see cref="RoundGate"/>).
/// </summary>
public sealed class SiloMatches : IDisposable
{
    readonly SemaphoreSlim slots;
    readonly IntraOpThreads threads;
    readonly Dictionary<(string Scenarios, string Model, string Device), MatchFactory> factories = new();
    readonly CancellationToken siloStopping;
    readonly ILogger<SiloMatches> logger;

    public SiloMatches(int parallelism, IHostApplicationLifetime lifetime, ILogger<SiloMatches> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        Parallelism = parallelism;
        slots = new SemaphoreSlim(parallelism);
        RoundGate = new SemaphoreSlim(parallelism);
        TorchRuntime.EnsureLoaded(); // a TorchSharp that cannot load is refused in one sentence before the silo joins
        threads = IntraOpThreads.ForMatches(parallelism);
        siloStopping = lifetime.ApplicationStopping;
        this.logger = logger;
    }

    /// <summary>Matches this silo plays side by side.</summary>
    public int Parallelism { get; }

    /// <summary>Lets at most <see cref="Parallelism"/> of this silo's served matches play a round at once.</summary>
    public SemaphoreSlim RoundGate { get; }

    /// <summary>Fires when the silo begins to stop.</summary>
    public CancellationToken Stopping => siloStopping;

    /// <summary>Matches this silo has played to their end or to their failure since it started.</summary>
    public int MatchesPlayed => matchesPlayed;
    int matchesPlayed;

    /// <summary>Plays <paramref name="order"/> once a slot is free; null when cancelled before it began.</summary>
    /// <param name="onProgress">called with the rounds played so far, as <see cref="MatchPlayer.Play"/> calls it</param>
    public async Task<PlayedMatch?> PlayAsync(MatchOrder order, Action<long> onProgress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, siloStopping);
        try
        {
            await slots.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        try
        {
            logger.LogInformation("{Match}: playing {Rounds} rounds", order.Key, order.Rounds);
            var played = await MatchThread.Start(() => Player(order).Play(order.Match, order.Rounds, onProgress, stop.Token));
            if (played?.Outcome is { } outcome && outcome.Rounds.Count < order.Rounds && siloStopping.IsCancellationRequested)
                played = new PlayedMatch(null, MatchFailure.Of(order.Match, outcome.Rounds.Count,
                    new OperationCanceledException("the silo playing it was stopped")));
            if (played is not null) Interlocked.Increment(ref matchesPlayed);
            logger.LogInformation("{Match}: {Result}", order.Key, played?.Failure?.Problem ?? $"{played?.Rounds ?? 0} rounds played");
            return played;
        }
        finally
        {
            slots.Release();
        }
    }

    MatchPlayer Player(MatchOrder order)
    {
        var factory = Factory(order.Scenarios, order.Model, order.Device);
        return new MatchPlayer(factory, new ReplayRecorderFactory(order.Folder, factory));
    }

    /// <summary>The factory of matches of one arena setup: its scenario folder, default model and device, all as the
    /// arena names them (absolute paths).</summary>
    public MatchFactory Factory(string scenarios, string model, string device)
    {
        lock (factories)
        {
            var key = (scenarios, model, device);
            if (!factories.TryGetValue(key, out var factory))
                factories[key] = factory = new MatchFactory(ScenarioCatalog.Load(scenarios), model,
                    ComputeDevice.Parse(device, $"the arena's device ({ArenaOptions.Section}:{nameof(ArenaOptions.Device)})"));
            return factory;
        }
    }

    public void Dispose()
    {
        foreach (var factory in factories.Values) factory.Dispose();
        threads.Dispose();
        slots.Dispose();
        RoundGate.Dispose();
    }
}
