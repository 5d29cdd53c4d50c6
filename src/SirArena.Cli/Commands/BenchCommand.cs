using System.CommandLine;
using SirArena.Cli.Benchmarks;

namespace SirArena.Cli.Commands;

/// <summary><c>sirarena bench engine</c>: the engine benchmark whose results docs/benchmarks.md records.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var budgets = new Option<int[]>("--budgets") { Description = "cache budgets to measure", DefaultValueFactory = _ => [256, 512, 1024], AllowMultipleArgumentsPerToken = true };
        var rounds = new Option<int>("--rounds") { Description = "measured rounds per repeat", DefaultValueFactory = _ => 100 };
        var repeats = new Option<int>("--repeats") { Description = "repeats per budget and policy (the median is reported)", DefaultValueFactory = _ => 5 };
        var soak = new Option<int>("--soak-rounds") { Description = "rounds of the native-memory soak (0 skips it)", DefaultValueFactory = _ => 10_000 };
        var engine = new Command("engine", "per-round time, prefill throughput, policy share and memory flatness of the decoder engine")
        {
            budgets, rounds, repeats, soak,
        };
        engine.SetAction(parse =>
        {
            new EngineBenchmark(Console.Out).Run(parse.GetValue(budgets)!, parse.GetValue(rounds), parse.GetValue(repeats), parse.GetValue(soak));
            return 0;
        });
        return new Command("bench", "benchmarks whose numbers go into docs/benchmarks.md") { engine };
    }
}
