using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Matches;
using SirArena.Arena.Service;
using SirArena.Cli.Benchmarks;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena soak --rounds 100000</c>: a long run of served matches (by default the arena's challenger against
/// rock-biased) that reports speed and memory at intervals and, at the end, whether memory stayed flat and speed
/// steady; the samples go to soak.csv in the run's folder.
/// </summary>
public static class SoakCommand
{
    public static Command Create()
    {
        var opponents = new Option<string[]>("--opponent") { Description = "opponents to play", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["rock-biased"] };
        var agents = new Option<string[]>("--agent") { Description = "agents of the arena to play them, by name (default: the challenger)", AllowMultipleArgumentsPerToken = true };
        var rounds = NumberOptions.Optional<long>("--rounds", "rounds per match", "a whole number of rounds, 1 or more", v => v >= 1);
        var minutes = NumberOptions.Optional<double>("--minutes", "stop after this long", "a number of minutes above 0", v => v > 0);
        var sampleEvery = NumberOptions.Optional<long>("--sample-every", "rounds between samples (default: a hundredth of the run, or 1000)", "a whole number of rounds, 1 or more", v => v >= 1);
        var reportEvery = NumberOptions.Optional<long>("--report-every", "rounds between printed rows (default: a twentieth of the run, or 5000)", "a whole number of rounds, 1 or more", v => v >= 1);
        var output = new Option<string?>("--out") { Description = "folder for the run's replays, checkpoints and soak.csv (default: a new soak-TIME folder under the arena's output)" };
        var seed = NumberOptions.WithDefault<ulong>("--seed", "seed of the opponents", "a whole number from 0 to 18446744073709551615", _ => true, 1);
        var metrics = new MetricsFlags();
        var command = new Command("soak", "a long run that proves memory stays bounded and speed steady")
            { opponents, agents, rounds, minutes, sampleEvery, reportEvery, output, seed };
        foreach (var option in metrics.Options) command.Options.Add(option);
        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, () =>
        {
            long? n = parse.GetValue(rounds);
            double? m = parse.GetValue(minutes);
            if (n is null && m is null) throw new ArgumentException("give --rounds, --minutes or both");
            if (n <= 0 || m <= 0) throw new ArgumentException("--rounds and --minutes must be positive");
            var overrides = new Dictionary<string, string?>();
            metrics.Override(parse, overrides);
            var builder = ArenaHost.CreateBuilder(parse, overrides);
            builder.AddMetricsExport();
            using var host = builder.Build();
            var arena = host.Services.Arena();
            var serve = host.Services.Serve();
            var names = parse.GetValue(agents) is { Length: > 0 } a ? a : [arena.DefaultPlayer().Name];
            var specs = (from opponent in parse.GetValue(opponents)!
                         from name in names
                         select new MatchSpec(opponent, parse.GetValue(seed),
                             arena.Agent(name) ?? throw new ArgumentException(ServeCommand.UnknownAgent(arena, name)))).ToArray();
            var folder = parse.GetValue(output) is { } o ? Path.GetFullPath(o)
                : Path.Combine(host.Services.GetRequiredService<ConfigFile>().PathOf(arena.Output), $"soak-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            foreach (var spec in specs) spec.Agent.Validate();
            OutputFolder.Create(folder, parse.GetValue(output) is null ? $"{ArenaOptions.Section}:Output" : "--out");
            long sample = parse.GetValue(sampleEvery) ?? (n is { } r ? Math.Max(1, r * specs.Length / 100) : 1000);
            long report = parse.GetValue(reportEvery) ?? (n is { } q ? Math.Max(1, q * specs.Length / 20) : 5000);

            var writer = parse.InvocationConfiguration.Output;
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("soak");
            MetricsExport.Start(host.Services); // the host is never started, so its exporters start here
            var run = new SoakRun(host.Services.GetRequiredService<MatchFactory>(), writer, logger, host.Services.GetRequiredService<ArenaMetrics>());
            var samples = run.Run(specs, folder, serve, n, m is { } mm ? TimeSpan.FromMinutes(mm) : null, sample, report, cancellation);
            File.WriteAllLines(Path.Combine(folder, "soak.csv"), ["rounds,seconds,win_rate,cached_tokens,rss_mb,managed_heap_mb,live_tensors",
                ..samples.Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{s.Rounds},{s.Seconds:F2},{s.WinRate:F4},{s.CachedTokens},{s.Process.RssMb:F2},{s.Process.ManagedHeapMb:F2},{s.Process.LiveTensors}"))]);
            if (samples.Count >= 4) writer.WriteLine(SoakSummary.Of(samples).Describe());
            writer.WriteLine($"samples: {Path.Combine(folder, "soak.csv")}");
            return Task.FromResult(0);
        }));
        return command.WithExamples(
            new HelpExample("sirarena soak --rounds 100000", "the challenger against rock-biased for 100,000 rounds, sampling memory and speed into soak.csv"),
            new HelpExample("sirarena soak --minutes 60 --opponent rock-biased grocery --agent sir streaming", "four matches for an hour"));
    }
}
