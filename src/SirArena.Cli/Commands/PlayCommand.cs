using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Cli.Hosting;
using SirArena.Cli.Views;
using Spectre.Console;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena play --opponent NAME</c>: one agent (by default the arena's challenger, SirLLM on the default model)
/// against one scenario, endless until Ctrl+C or --rounds, with a live view, a replay, and a summary on exit.
/// </summary>
public static class PlayCommand
{
    public static Command Create()
    {
        var opponent = new Option<string>("--opponent") { Description = "scenario to play (a file name under scenarios/)", DefaultValueFactory = _ => "rock-biased" };
        var rounds = new Option<long?>("--rounds") { Description = "stop after this many rounds (default: endless, until Ctrl+C)" };
        var policy = new Option<string?>("--policy") { Description = "memory policy: sir, streaming or full" };
        var budget = new Option<int?>("--budget") { Description = "cache budget in tokens" };
        var start = new Option<int?>("--start") { Description = "attention sinks kept" };
        var recent = new Option<int?>("--recent") { Description = "sir: slots for the newest tokens" };
        var eta = new Option<float?>("--eta") { Description = "sir: score decay per round, in (0, 1]" };
        var model = new Option<string?>("--model") { Description = "model folder (Hugging Face layout)" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the opponent", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "folder for the replay (default: the arena's output)" };
        var config = new Option<string?>("--config") { Description = "arena configuration (default: arena.json)" };
        var rollEvery = new Option<long?>("--roll-every") { Description = "start a new replay file every N rounds, each linking the one before (default: one file)" };
        var command = new Command("play", "one agent against one opponent, live") { opponent, rounds, policy, budget, start, recent, eta, model, seed, output, config, rollEvery };

        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, () =>
        {
            using var host = ArenaHost.CreateBuilder(parse.GetValue(config)).Build();
            var options = host.Services.Arena();
            var challenger = options.DefaultPlayer();
            var agent = challenger with
            {
                Policy = parse.GetValue(policy) ?? challenger.Policy,
                Budget = parse.GetValue(budget) ?? challenger.Budget,
                Start = parse.GetValue(start) ?? challenger.Start,
                Recent = parse.GetValue(recent) ?? challenger.Recent,
                Eta = parse.GetValue(eta) ?? challenger.Eta,
                Model = parse.GetValue(model) is { } m ? Path.GetFullPath(m) : challenger.Model,
            };
            agent = agent with { Name = parse.GetValue(policy) is null ? agent.Name : agent.Policy };
            var spec = new MatchSpec(parse.GetValue(opponent)!, parse.GetValue(seed), agent);
            var folder = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : host.Services.GetRequiredService<ConfigFile>().PathOf(options.Output);
            var play = new PlayRun(host.Services.GetRequiredService<MatchFactory>(), parse.InvocationConfiguration.Output);
            return Task.FromResult(play.Run(spec, parse.GetValue(rounds), folder, cancellation, parse.GetValue(rollEvery)));
        }));
        return command;
    }
}
