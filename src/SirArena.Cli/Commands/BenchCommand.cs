using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SirArena.Arena.Matches;
using SirArena.Cli.Benchmarks;
using SirArena.Cli.Hosting;
using SirArena.Llm.Runtime;
using SirArena.Training.Learning;

namespace SirArena.Cli.Commands;

/// <summary><c>sirarena bench engine | play | train | inspector</c>: the benchmarks whose results docs/benchmarks.md records.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var budgets = NumberOptions.List<int>("--budgets", "cache budgets to measure", "whole numbers of tokens, each 1 or more", v => v >= 1, [256, 512, 1024]);
        var rounds = NumberOptions.WithDefault<int>("--rounds", "measured rounds per repeat", "a whole number of rounds, 1 or more", v => v >= 1, 100);
        var repeats = NumberOptions.WithDefault<int>("--repeats", "repeats per budget and policy (the median is reported)", "a whole number of repeats, 1 or more", v => v >= 1, 5);
        var soak = NumberOptions.WithDefault<int>("--soak-rounds", "rounds of the native-memory soak (0 skips it)", "a whole number of rounds, 0 or more", v => v >= 0, 10_000);
        var shape = new Option<string>("--shape")
        {
            Description = $"the decoder's shape, random weights: {string.Join(", ", EngineBenchmark.Shapes.Keys)} (the default model's size)",
            DefaultValueFactory = _ => "tiny",
        };
        shape.AcceptOnlyFromAmong([.. EngineBenchmark.Shapes.Keys]);
        var engineThreads = TorchThreads();
        var engine = new Command("engine", "per-round time, prefill throughput, GFLOP/s against the matmul floor, policy share and memory flatness of the decoder engine")
        {
            shape, budgets, rounds, repeats, soak, engineThreads,
        };
        engine.SetAction((parse, _) => UserErrors.RunAsync(parse, () =>
        {
            using var threads = UseThreads(parse.GetValue(engineThreads));
            var device = ComputeDevice.Parse(GlobalOptions.Device(parse));
            new EngineBenchmark(parse.InvocationConfiguration.Output).Run(parse.GetValue(shape)!, device, parse.GetValue(budgets)!, parse.GetValue(rounds), parse.GetValue(repeats), parse.GetValue(soak));
            return Task.FromResult(0);
        }));
        var opponent = new Option<string>("--opponent") { Description = "scenario to play", DefaultValueFactory = _ => "rock-biased" };
        var playRounds = NumberOptions.WithDefault<int>("--rounds", "rounds per repeat", "a whole number of rounds, 1 or more", v => v >= 1, 300);
        var playRepeats = NumberOptions.WithDefault<int>("--repeats", "repeats (the median is reported)", "a whole number of repeats, 1 or more", v => v >= 1, 5);
        var playThreads = TorchThreads();
        var play = new Command("play", "rounds/s of `play` with the default settings, and the replay's share of a round")
        {
            opponent, playRounds, playRepeats, playThreads,
        };
        play.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, () =>
        {
            using var threads = UseThreads(parse.GetValue(playThreads));
            using var host = ArenaHost.CreateBuilder(parse).Build();
            var options = host.Services.Arena();
            var agent = options.DefaultPlayer();
            new PlayBenchmark(host.Services.GetRequiredService<MatchFactory>(), parse.InvocationConfiguration.Output)
                .Run(new MatchSpec(parse.GetValue(opponent)!, 1, agent), parse.GetValue(playRounds), parse.GetValue(playRepeats));
            return Task.FromResult(0);
        }));
        var sideOpponents = new Option<string[]>("--opponent") { Description = "one match per opponent, all side by side (default: as many as cores, 2 to 4)", AllowMultipleArgumentsPerToken = true };
        var sideRounds = NumberOptions.WithDefault<int>("--rounds", "rounds per match", "a whole number of rounds, 1 or more", v => v >= 1, 1000);
        var sideRepeats = NumberOptions.WithDefault<int>("--repeats", "repeats (the median is reported)", "a whole number of repeats, 1 or more", v => v >= 1, 3);
        var sideBySide = new Command("side-by-side", "total rounds/s of matches side by side (one thread each, and the default threads) against one match alone")
        {
            sideOpponents, sideRounds, sideRepeats,
        };
        sideBySide.SetAction((parse, _) => UserErrors.RunAsync(parse, () =>
        {
            using var host = ArenaHost.CreateBuilder(parse).Build();
            var agent = host.Services.Arena().DefaultPlayer();
            string[] defaults = ["rock-biased", "paper-biased", "scissors-biased", "switching"];
            var opponents = parse.GetValue(sideOpponents) is { Length: > 0 } given ? given : defaults.Take(Math.Max(2, Environment.ProcessorCount)).ToArray();
            new SideBySideBenchmark(host.Services.GetRequiredService<MatchFactory>(), parse.InvocationConfiguration.Output)
                .Run([.. opponents.Select(o => new MatchSpec(o, 1, agent))], parse.GetValue(sideRounds), parse.GetValue(sideRepeats));
            return Task.FromResult(0);
        }));
        var trainRepeats = NumberOptions.WithDefault<int>("--repeats", "repeats of the two loops in turn (the median is reported)", "a whole number of repeats, 1 or more", v => v >= 1, 5);
        var trainSteps = NumberOptions.WithDefault<int>("--steps", "steps of each loop per repeat", "a whole number of steps, 1 or more", v => v >= 1, 6);
        var threads = NumberOptions.WithDefault<int>("--threads", "CPU threads for TorchSharp", "a whole number of threads, 1 or more", v => v >= 1, Environment.ProcessorCount);
        var openings = new Option<bool>("--openings") { Description = "train the trainer's step on the opening phase's batches (grocery openings in the trainer's share) instead of the whole pool's" };
        var precision = EnumOptions.WithDefault<TrainingPrecision>("--precision", "number format of the trainer's forward and backward passes (the bare loop stays fp32)", TrainingPrecision.Fp32);
        var train = new Command("train", "tokens/s of the trainer's step against a bare TorchSharp training loop of the same model, side by side")
        {
            trainRepeats, trainSteps, threads, openings, precision,
        };
        train.SetAction((parse, _) => UserErrors.RunAsync(parse, () =>
        {
            new TrainerBenchmark(parse.InvocationConfiguration.Output).Run(parse.GetValue(trainRepeats), parse.GetValue(trainSteps), parse.GetValue(threads), parse.GetValue(openings), parse.GetValue(precision));
            return Task.FromResult(0);
        }));
        var replay = new Argument<string>("FILE") { Description = "the replay whose inspector page is measured" };
        var pageRounds = new Option<string?>("--rounds") { Description = "rounds the page holds, FROM-TO (default: as `replay --html` chooses)" };
        var pageRepeats = NumberOptions.WithDefault<int>("--repeats", "repeats, each in a fresh browser (the median is reported)", "a whole number of repeats, 1 or more", v => v >= 1, 3);
        var inspector = new Command("inspector", "size, load time and slider response of a replay's inspector page in headless chromium")
        {
            replay, pageRounds, pageRepeats,
        };
        inspector.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, async () =>
        {
            await new InspectorBenchmark(parse.InvocationConfiguration.Output)
                .RunAsync(parse.GetValue(replay)!, parse.GetValue(pageRounds), parse.GetValue(pageRepeats), cancellation);
            return 0;
        }));
        engine.WithExamples(
            new HelpExample("sirarena bench engine --budgets 256 512 1024 --repeats 5", "a round's time at three budgets, the median of five repeats"),
            new HelpExample("sirarena bench engine --shape smollm2-135m --budgets 512 --rounds 10 --repeats 3 --soak-rounds 0", "a real checkpoint's size: SmolLM2-135M's shape with random weights"));
        play.WithExamples(
            new HelpExample("sirarena bench play --rounds 300", "rounds/s of play with the default agent"),
            new HelpExample("sirarena bench play --rounds 300 --threads 1", "the same on one core, against the one-core matmul floor"));
        train.WithExamples(new HelpExample("sirarena bench train --repeats 5", "the trainer's step against a bare training loop, side by side"));
        inspector.WithExamples(new HelpExample($"sirarena bench inspector {ReplayCommand.SampleReplay} --repeats 3", "the sample replay's page: size, load time and slider response"));
        sideBySide.WithExamples(new HelpExample("sirarena bench side-by-side --rounds 1000", "two matches on two cores against one alone"));
        return new Command("bench", "benchmarks whose numbers go into docs/benchmarks.md") { engine, play, train, inspector, sideBySide }
            .WithExamples(new HelpExample("sirarena bench engine", "the decoder engine's figures for docs/benchmarks.md"));
    }

    /// <summary>The intra-op threads the rounds and the matmul floor both run on; absent, the process's setting (as
    /// `play` runs).</summary>
    static Option<int?> TorchThreads() =>
        NumberOptions.Optional<int>("--threads", "TorchSharp's intra-op threads for the rounds and the matmul floor alike (default: the process's, as `play` runs)", "a whole number of threads, 1 or more", v => v >= 1);

    /// <summary>The threads a bench asked for, put back when it ends (the setting is process-wide); none asked for,
    /// the process's.</summary>
    static IntraOpThreads? UseThreads(int? threads)
    {
        TorchRuntime.EnsureLoaded();
        return threads is { } count ? IntraOpThreads.Exactly(count) : null;
    }
}
