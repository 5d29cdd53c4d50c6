using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using SirArena.Arena.Agents;
using SirArena.Arena.Cluster;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Reports;
using SirArena.Arena.Statistics;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;
using SirArena.Llm.Runtime;
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
        var rounds = NumberOptions.Optional<long>("--rounds", "rounds per match (overrides Arena:Rounds)", "a whole number of rounds, 1 or more", v => v >= 1);
        var output = new Option<string?>("--out") { Description = "output folder (overrides Arena:Output)" };
        var parallelism = NumberOptions.Optional<int>("--parallelism", "matches side by side (overrides Arena:Parallelism)", "a whole number of matches, 1 or more", v => v >= 1);
        var resume = new Option<string?>("--resume") { Description = "finish the arena run in this folder: its complete replays are read back, the rest played" };
        var cluster = ClusterOption.Create("play the matches on the silos of this cluster instead of on this process's own silo (the output folder must be one every silo reaches)");
        var command = new Command("arena", "play the arena's agents against its opponents and write a report") { rounds, output, parallelism, resume, cluster };
        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, async () =>
        {
            bool resuming = parse.GetValue(resume) is not null;
            var (options, file, reproduce) = resuming
                ? Resumed(parse, parse.GetValue(resume)!, parse.GetValue(parallelism), GlobalOptions.ConfigOption(parse), rounds, output)
                : Started(parse, parse.GetValue(rounds), parse.GetValue(output), parse.GetValue(parallelism));
            var catalog = ScenarioCatalog.Load(options.Scenarios);
            using var factory = new MatchFactory(catalog, options.Model, ComputeDevice.Parse(options.Device, ArenaHost.DeviceSource));
            // Everything is checked before the run folder exists, so a refused run leaves nothing behind.
            var outName = parse.GetValue(output) is not null ? "--out" : $"{file.Path}: {ArenaOptions.Section}:Output";
            if (resuming)
            {
                var problems = ArenaOptionsValidator.Problems(options, catalog).ToList();
                if (problems.Count > 0) throw new ArgumentException($"{file.Path}: invalid arena: " + string.Join("; ", problems));
            }
            else ArenaChecks.BeforeAnyMatch(options, catalog, factory, file, options.Output, outName);
            // The cluster too: no Redis server there, or no silo in it, is refused here. Without one, this process
            // is a cluster of one silo, playing as many matches side by side as the arena asks.
            var clusterAddress = parse.GetValue(cluster);
            int matches = ArenaRunner.Matches(options).Count;
            using var clusterHost = clusterAddress is not null
                ? await ClusterHosting.StartClientAsync(clusterAddress, cancellation)
                : await ClusterHosting.StartEmbeddedSiloAsync(options.Parallelism, matches, cancellation);
            string folder = resuming ? Path.GetDirectoryName(file.Path)! : ReplayFiles.NewRunFolder(OutputFolder.Create(options.Output, outName));
            if (!resuming) new ArenaRunFile(options, reproduce).Write(folder);

            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"arena: {matches} matches of {options.Rounds} rounds into {folder}");
            var venue = new ClusterVenue(clusterHost.Services.GetRequiredService<IClusterClient>(), clusterAddress, folder);
            var runner = new ArenaRunner(venue, resuming ? new FinishedMatches(folder, factory) : null);
            var result = await runner.RunAsync(options, new ProgressLine(writer), cancellation);
            await clusterHost.StopAsync(CancellationToken.None);
            if (resuming) writer.WriteLine($"resumed: {result.ReadBack} matches read back from complete replays, {matches - result.ReadBack} played");
            foreach (var failure in result.Failures) writer.WriteLine($"  failed: {failure}");

            var report = ReportWriter.Write(result.Outcomes, Describe(options, reproduce, result.Failures), folder, new ReportOptions
            {
                Comparisons = Comparisons(options),
                Leaderboard = LeaderboardEntries(options),
                Oracle = options.Compare.Reference,
                WindowReference = options.Compare.Baseline,
                Pools = options.Pools,
                Switching = SwitchPoints.Schedules(catalog, options.Opponents),
                Patterns = VisiblePatterns.Of(catalog, options.Opponents),
            });
            writer.WriteLine($"report: {report.Markdown}");
            foreach (var (pool, scenarios) in options.Pools)
                foreach (var row in RateTable.Pooled(result.Outcomes, scenarios, pool))
                    writer.WriteLine($"  {row.Agent,-12} pooled {pool} win {row.Rates.Wins}");
            if (cancellation.IsCancellationRequested) return UserErrors.InterruptedCode;
            if (result.Failures.Count > 0)
            {
                writer.WriteLine($"{result.Failures.Count} matches failed; `sirarena arena --resume {folder}` plays them again");
                return UserErrors.MatchFailedCode;
            }
            return 0;
        }));
        return command.WithExamples(
            new HelpExample("sirarena arena", "every agent of arena.json against every opponent, on the same moves; the report goes to replays/arena-TIME/report.md"),
            new HelpExample("sirarena arena --config arena-reader.json --rounds 500 --parallelism 2", "another arena file, shorter matches, two side by side"),
            new HelpExample("sirarena arena --resume replays/arena-20261201-041209", "finish an interrupted run: complete replays are read back, the rest played"),
            new HelpExample("sirarena arena --cluster redis://10.0.0.5:6379 --out /mnt/sirarena", "spread the matches over the cluster's silos; the replays go to a folder they all mount"));
    }

    /// <summary>A new run: arena.json with the command line's overrides, every path made absolute for the run file.</summary>
    static (ArenaOptions Options, ConfigFile File, string Command) Started(ParseResult parse, long? rounds, string? output, int? parallelism)
    {
        var overrides = new Dictionary<string, string?>();
        if (rounds is { } r) overrides[$"{ArenaOptions.Section}:Rounds"] = r.ToString();
        if (output is { } o) overrides[$"{ArenaOptions.Section}:Output"] = Path.GetFullPath(o);
        if (parallelism is { } p) overrides[$"{ArenaOptions.Section}:Parallelism"] = p.ToString();
        using var host = ArenaHost.CreateBuilder(parse, overrides).Build();
        var options = host.Services.Arena();
        var file = host.Services.GetRequiredService<ConfigFile>();
        options = options with
        {
            Model = file.PathOf(options.Model),
            Scenarios = file.PathOf(options.Scenarios),
            Output = file.PathOf(options.Output),
            Agents = options.Agents.Select(a => a.Model is null ? a : a with { Model = Path.GetFullPath(a.Model) }).ToArray(),
        };
        return (options, file, "sirarena " + string.Join(' ', parse.Tokens.Select(t => t.Value)));
    }

    /// <summary>A run to finish: the arena its folder's run file describes; only where it runs (--parallelism,
    /// --device, --cluster) may change.</summary>
    static (ArenaOptions Options, ConfigFile File, string Command) Resumed(ParseResult parse, string dir, int? parallelism, params Option[] fixedByRun)
    {
        if (fixedByRun.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } given)
            throw new ArgumentException($"--resume plays the arena described in {ArenaRunFile.FileName} of its folder; {given.Name} cannot change it (only --parallelism, --device and --cluster can)");
        var folder = Path.GetFullPath(dir);
        var run = ArenaRunFile.Read(folder);
        var arena = run.Arena with { Parallelism = parallelism ?? run.Arena.Parallelism, Device = GlobalOptions.Device(parse) ?? run.Arena.Device };
        return (arena, new ConfigFile(ArenaRunFile.PathIn(folder)), run.Command);
    }

    /// <summary>The challenger against the baseline first, then every other language-model agent of the baseline's
    /// budget against it too (other budgets meet their own baseline on the leaderboard); then every other language-model
    /// agent of the challenger's budget but the baseline against the challenger, so that a variant is also measured
    /// against the rule it varies (an adaptive decay against the fixed eta it must stay within).</summary>
    static AgentPair[] Comparisons(ArenaOptions options)
    {
        string baseline = options.Compare.Baseline, challenger = options.Compare.Challenger;
        var againstBaseline = SameBudgetLlms(options, baseline, except: baseline)
            .OrderBy(a => Is(a.Name, challenger) ? 0 : 1)
            .Select(a => new AgentPair(a.Name, baseline));
        var againstChallenger = SameBudgetLlms(options, challenger, except: baseline)
            .Where(a => !Is(a.Name, challenger) && !Is(challenger, baseline))
            .Select(a => new AgentPair(a.Name, challenger, ShareOfGap: false));
        return [.. againstBaseline, .. againstChallenger];
    }

    /// <summary>The language-model agents at <paramref name="anchor"/>'s budget (every one when it is not an agent of
    /// the arena), but <paramref name="except"/>.</summary>
    static IEnumerable<AgentSpec> SameBudgetLlms(ArenaOptions options, string anchor, string except) =>
        options.Agents.Where(a => a.IsLlm && !Is(a.Name, except) && a.Budget == (options.Agent(anchor)?.Budget ?? a.Budget));

    static bool Is(string name, string other) => name.Equals(other, StringComparison.OrdinalIgnoreCase);

    /// <summary>Each language-model agent with the agent of the baseline's policy, model and chat format at its budget;
    /// agents with no such baseline stay off the leaderboard.</summary>
    static LeaderboardEntry[] LeaderboardEntries(ArenaOptions options)
    {
        if (options.Agent(options.Compare.Baseline) is not { IsLlm: true } baseline) return [];
        return options.Agents.Where(a => a.IsLlm)
            .Select(a => (Agent: a, Baseline: options.Agents.FirstOrDefault(b => b.IsLlm && b.Policy == baseline.Policy && b.Budget == a.Budget
                && b.Model == a.Model && b.ChatFormat == a.ChatFormat)))
            .Where(p => p.Baseline is not null)
            .Select(p => new LeaderboardEntry(p.Agent.Name, p.Agent.Policy, p.Agent.Budget, p.Baseline!.Name))
            .ToArray();
    }

    static ArenaDescription Describe(ArenaOptions options, string command, IReadOnlyList<MatchFailure> failures) => new(
        options.Agents.Select(a => a.IsLlm
            ? new AgentDescription(a.Name, a.Policy, a.Budget.ToString(), a.DecaysScores ? a.Eta.ToString("0.###") : "-")
            : new AgentDescription(a.Name, a.Kind, "-", "-")).ToArray(),
        options.Rounds,
        options.Seeds,
        command)
    {
        Failures = failures.Select(f => f.ToString()).ToArray(),
    };

    /// <summary>Progress as a plain line every few percent, readable in logs and terminals alike.</summary>
    sealed class ProgressLine(TextWriter output) : IProgress<ArenaProgress>
    {
        int shown = -1;

        public void Report(ArenaProgress value)
        {
            if (value.Percent / 5 <= shown) return;
            lock (output)
            {
                if (value.Percent / 5 <= shown) return;
                shown = value.Percent / 5;
                output.WriteLine("  " + value.Describe());
            }
        }
    }
}
