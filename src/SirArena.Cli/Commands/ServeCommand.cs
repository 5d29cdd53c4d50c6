using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using SirArena.Arena.Cluster;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena serve</c>: the arena's matches (or those named) as endless streams in a hosted service, with rolling
/// replays, checkpoints and exact resume after a crash, a status line in the log and a status file. Ctrl+C or
/// SIGTERM finish the rounds in flight, write checkpoints and exit 0. The matches are served by a silo in this
/// process (<see cref="ServeWorker"/>), or with --cluster by the silos of a cluster; either way this process watches
/// over them (<see cref="ClusterServeWatcher"/>).
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var opponents = new Option<string[]>("--opponent") { Description = "serve only these opponents (default: the arena's)", AllowMultipleArgumentsPerToken = true };
        var agents = new Option<string[]>("--agent") { Description = "serve only these agents, by name (default: the arena's)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "folder of replay chains, checkpoints and status (overrides Serve:Output)" };
        var checkpointEvery = NumberOptions.Optional<long>("--checkpoint-every", "rounds between checkpoints (overrides Serve:CheckpointEvery)", "a whole number of rounds, 1 or more", v => v >= 1);
        var rollEvery = NumberOptions.Optional<long>("--roll-every", "rounds per replay file (overrides Serve:RollEvery)", "a whole number of rounds, 1 or more", v => v >= 1);
        var statusSeconds = NumberOptions.Optional<double>("--status-seconds", "seconds between status reports (overrides Serve:StatusSeconds)", "a number of seconds above 0", v => v > 0);
        var parallelism = NumberOptions.Optional<int>("--parallelism", "rounds played at once (overrides Arena:Parallelism)", "a whole number, 1 or more", v => v >= 1);
        var json = new Option<bool>("--json-log") { Description = "log as JSON lines instead of text" };
        var cluster = ClusterOption.Create("serve the matches on the silos of this cluster, each moving to another silo when its own is lost (the output folder must be one every silo reaches)");
        var metrics = new MetricsFlags();
        var command = new Command("serve", "run the arena's matches endlessly as a service, resuming after a crash")
            { opponents, agents, output, checkpointEvery, rollEvery, statusSeconds, parallelism, json, cluster };
        foreach (var option in metrics.Options) command.Options.Add(option);
        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, async () =>
        {
            var clusterAddress = parse.GetValue(cluster);
            if (clusterAddress is not null && parse.GetValue(parallelism) is not null)
                throw new ArgumentException($"--parallelism: not used with {ClusterAddress.Flag}, since the silos play the rounds; " +
                    "each plays as many at once as its own `sirarena silo --parallelism` says");
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(output) is { } o)
            {
                OutputFolder.Check(Path.GetFullPath(o), "--out");
                overrides[$"{ServeOptions.Section}:Output"] = Path.GetFullPath(o);
            }
            if (parse.GetValue(checkpointEvery) is { } c) overrides[$"{ServeOptions.Section}:CheckpointEvery"] = c.ToString();
            if (parse.GetValue(rollEvery) is { } r) overrides[$"{ServeOptions.Section}:RollEvery"] = r.ToString();
            if (parse.GetValue(statusSeconds) is { } s) overrides[$"{ServeOptions.Section}:StatusSeconds"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(parallelism) is { } p) overrides[$"{ArenaOptions.Section}:Parallelism"] = p.ToString();
            metrics.Override(parse, overrides);
            var builder = ArenaHost.CreateBuilder(parse, overrides, LogLevel.Information);
            if (parse.GetValue(json))
                builder.Logging.ClearProviders().AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
            else builder.Logging.AddSimpleConsole(f => f.TimestampFormat = "HH:mm:ss ");
            builder.AddServe(parse.GetValue(opponents) ?? [], parse.GetValue(agents) ?? []);
            builder.AddMetricsExport();
            using var host = builder.Build();
            var plan = host.Services.GetRequiredService<ServePlan>(); // a bad configuration stops here, before anything starts
            if (clusterAddress is not null) return await ServeOnCluster(host.Services, plan, clusterAddress, cancellation);
            var worker = host.Services.GetRequiredService<ServeWorker>(); // takes the folder's lock, or refuses: another process serves it
            MetricsExport.Start(host.Services);
            await host.RunAsync(cancellation);
            return worker.AllBroken ? UserErrors.MatchFailedCode : 0;
        }));
        return command.WithExamples(
            new HelpExample("sirarena serve", "arena.json's matches as endless streams; Ctrl+C writes checkpoints, the same command resumes"),
            new HelpExample("sirarena serve --opponent rock-biased --agent sir --out /srv/sirarena --json-log", "one match into a folder of its own, logging JSON lines"),
            new HelpExample("sirarena serve --cluster redis://10.0.0.5:6379 --out /mnt/sirarena/serve", "the matches served by the silos of a cluster, into a folder they all mount"),
            new HelpExample("sirarena serve --prometheus http://127.0.0.1:9464/metrics", "metrics for a Prometheus scrape on loopback (dotnet-counters sees them without it)"));
    }

    /// <summary>
    /// Serves the plan's matches on the silos of <paramref name="cluster"/> until stopped. The cluster is joined before
    /// the folder's lock is taken, so a refused cluster leaves no folder behind; the lock (serve.lock) is held as
    /// without --cluster, so one serve at a time watches a folder, cluster or not.
    /// </summary>
    static async Task<int> ServeOnCluster(IServiceProvider services, ServePlan plan, ClusterAddress cluster, CancellationToken cancellation)
    {
        using var client = await ClusterHosting.StartClientAsync(cluster, cancellation);
        _ = services.GetRequiredService<ChainLock>(); // released with the host
        var watcher = new ClusterServeWatcher(client.Services.GetRequiredService<IClusterClient>(), $"the cluster at {cluster}",
            plan, services.GetRequiredService<ILogger<ClusterServeWatcher>>());
        await watcher.RunAsync(cancellation);
        await client.StopAsync(CancellationToken.None);
        return watcher.AllBroken ? UserErrors.MatchFailedCode : 0;
    }

    /// <summary>An agent's own model as a full path, read from the current folder, for the silos.</summary>
    static MatchSpec WithAbsoluteModel(MatchSpec match) =>
        match.Agent.Model is null ? match : match with { Agent = match.Agent with { Model = Path.GetFullPath(match.Agent.Model) } };

    /// <summary>Registers the serve worker and its plan: arena.json's matches, filtered by the names given.</summary>
    public static void AddServe(this IHostApplicationBuilder builder, IReadOnlyCollection<string> opponents, IReadOnlyCollection<string> agents)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        // The embedded silo's own information (Orleans's, and its placement's retry pipeline's) is dozens of lines a
        // start, and Orleans's warnings are about a cluster this one-silo process does not have (the server garbage
        // collector being off, which is this program's choice for its size; its watchdog's first reading).
        builder.Logging.AddFilter("Orleans", LogLevel.Error).AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddSingleton(sp =>
        {
            var arena = sp.Arena();
            var serve = sp.Serve();
            var problems = ArenaOptionsValidator.Problems(arena, sp.GetRequiredService<ScenarioCatalog>()).ToList();
            foreach (var name in opponents.Where(n => !arena.Opponents.Contains(n, StringComparer.OrdinalIgnoreCase)))
                problems.Add($"--opponent {name}: not among the arena's opponents ({string.Join(", ", arena.Opponents)})");
            foreach (var name in agents.Where(n => arena.Agent(n) is null)) problems.Add(UnknownAgent(arena, name));
            problems.AddRange(ArenaChecks.BudgetProblems(arena, sp.GetRequiredService<ConfigFile>()));
            var output = sp.GetRequiredService<ConfigFile>().PathOf(serve.Output);
            try { OutputFolder.Check(output, $"{ServeOptions.Section}:Output"); }
            catch (ArgumentException e) { problems.Add(e.Message); }
            if (problems.Count > 0) throw new ArgumentException("invalid configuration: " + string.Join("; ", problems));
            var matches = ArenaRunner.Matches(arena)
                .Where(m => opponents.Count == 0 || opponents.Contains(m.Scenario, StringComparer.OrdinalIgnoreCase))
                .Where(m => agents.Count == 0 || agents.Contains(m.Agent.Name, StringComparer.OrdinalIgnoreCase))
                .Select(WithAbsoluteModel)
                .ToArray();
            var file = sp.GetRequiredService<ConfigFile>();
            return new ServePlan(matches, file.PathOf(serve.Output), serve, arena.Parallelism, file.PathOf(arena.Scenarios), file.PathOf(arena.Model), arena.Device);
        });
        builder.Services.AddSingleton(sp => ChainLock.ForServeFolder(sp.GetRequiredService<ServePlan>().Folder));
        builder.Services.AddSingleton<ServeWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServeWorker>());
    }

    /// <summary>What `serve` and `soak` say when --agent names no agent of the arena.</summary>
    internal static string UnknownAgent(ArenaOptions arena, string name) =>
        $"--agent {name}: not among the arena's agents ({string.Join(", ", arena.Agents.Select(a => a.Name))})";
}
