using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Reports;
using SirArena.Arena.Statistics;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;
using SirArena.Simulation.Scenarios;
using Spectre.Console;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena arena [--config arena.json]</c>: every agent of the arena against every opponent on the same move
/// sequences; replays, report.md and plots in a new folder under the arena's output.
/// </summary>
public static class ArenaCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "arena configuration (default: arena.json)" };
        var rounds = NumberOptions.Optional<long>("--rounds", "rounds per match (overrides Arena:Rounds)", "a whole number of rounds, 1 or more", v => v >= 1);
        var output = new Option<string?>("--out") { Description = "output folder (overrides Arena:Output)" };
        var parallelism = NumberOptions.Optional<int>("--parallelism", "matches side by side (overrides Arena:Parallelism)", "a whole number of matches, 1 or more", v => v >= 1);
        var command = new Command("arena", "play the arena's agents against its opponents and write a report") { config, rounds, output, parallelism };
        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, async () =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(rounds) is { } r) overrides[$"{ArenaOptions.Section}:Rounds"] = r.ToString();
            if (parse.GetValue(output) is { } o) overrides[$"{ArenaOptions.Section}:Output"] = Path.GetFullPath(o);
            if (parse.GetValue(parallelism) is { } p) overrides[$"{ArenaOptions.Section}:Parallelism"] = p.ToString();
            using var host = ArenaHost.CreateBuilder(parse.GetValue(config), overrides).Build();
            var options = host.Services.Arena();
            var catalog = host.Services.GetRequiredService<ScenarioCatalog>();
            var factory = host.Services.GetRequiredService<MatchFactory>();
            var configFile = host.Services.GetRequiredService<ConfigFile>();
            var outName = parse.GetValue(output) is not null ? "--out" : $"{configFile.Path}: {ArenaOptions.Section}:Output";
            var outFolder = configFile.PathOf(options.Output);
            ArenaChecks.BeforeAnyMatch(options, catalog, factory, configFile, outFolder, outName);
            var folder = ReplayFiles.NewRunFolder(OutputFolder.Create(outFolder, outName));
            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"arena: {ArenaRunner.Matches(options).Count} matches of {options.Rounds} rounds into {folder}");
            var runner = new ArenaRunner(factory, new ReplayRecorderFactory(folder, factory));
            var outcomes = await runner.RunAsync(options, new ProgressLine(writer), cancellation);

            var report = ReportWriter.Write(outcomes, Describe(options, parse), folder, new ReportOptions
            {
                Comparisons = Comparisons(options),
                Oracle = options.Compare.Reference,
                WindowReference = options.Compare.Baseline,
            });
            writer.WriteLine($"report: {report.Markdown}");
            foreach (var row in RateTable.Pooled(outcomes, new ReportOptions().PooledScenarios, "pooled"))
                writer.WriteLine($"  {row.Agent,-12} pooled biased win {row.Rates.Wins}");
            return cancellation.IsCancellationRequested ? 130 : 0;
        }));
        return command;
    }

    /// <summary>The challenger against the baseline first, then every other language-model agent against it too.</summary>
    static AgentPair[] Comparisons(ArenaOptions options) =>
        options.Agents.Where(a => a.IsLlm && !a.Name.Equals(options.Compare.Baseline, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.Name.Equals(options.Compare.Challenger, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(a => new AgentPair(a.Name, options.Compare.Baseline))
            .ToArray();

    static ArenaDescription Describe(ArenaOptions options, ParseResult parse) => new(
        options.Agents.Select(a => a.IsLlm
            ? new AgentDescription(a.Name, a.Policy, a.Budget.ToString(), a.Policy.Equals("sir", StringComparison.OrdinalIgnoreCase) ? a.Eta.ToString("0.###") : "-")
            : new AgentDescription(a.Name, a.Kind, "-", "-")).ToArray(),
        options.Rounds,
        options.Seeds,
        "sirarena " + string.Join(' ', parse.Tokens.Select(t => t.Value)));

    /// <summary>Progress as a plain line every few percent, readable in logs and terminals alike.</summary>
    sealed class ProgressLine(TextWriter output) : IProgress<ArenaProgress>
    {
        int shown = -1;

        public void Report(ArenaProgress value)
        {
            int percent = (int)(100 * value.RoundsDone / Math.Max(1, value.RoundsTotal));
            if (percent / 5 <= shown) return;
            lock (output)
            {
                if (percent / 5 <= shown) return;
                shown = percent / 5;
                output.WriteLine($"  {percent,3}%  {value.RoundsDone}/{value.RoundsTotal} rounds");
            }
        }
    }
}
