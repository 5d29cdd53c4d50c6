using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;
using SirArena.Llm.Inference;
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
        var rounds = NumberOptions.Optional<long>("--rounds", "stop after this many rounds (default: endless, until Ctrl+C)", "a whole number of rounds, 1 or more", v => v >= 1);
        var policy = new Option<string?>("--policy") { Description = "memory policy: sir, sir-adaptive, streaming, full, h2o, tova or knorm" };
        var chatFormat = new Option<string?>("--chat-format") { Description = "prompt format: paper, chatml, llama3 or gemma (default: recognised from the model's chat_template; paper without one)" };
        var budget = NumberOptions.Optional<int>("--budget", "cache budget in tokens", "a whole number of tokens, 1 or more", v => v >= 1);
        var start = NumberOptions.Optional<int>("--start", "attention sinks kept", "a whole number of tokens, 0 or more", v => v >= 0);
        var recent = NumberOptions.Optional<int>("--recent", "sir: slots for the newest tokens", "a whole number of tokens, 0 or more", v => v >= 0);
        var eta = NumberOptions.Optional<float>("--eta", "sir: score decay per round, in (0, 1]", "a number in (0, 1]", v => v > 0 && v <= 1);
        var model = new Option<string?>("--model") { Description = "model folder (Hugging Face layout)" };
        var seed = NumberOptions.WithDefault<ulong>("--seed", "seed of the opponent", "a whole number from 0 to 18446744073709551615", _ => true, 1);
        var output = new Option<string?>("--out") { Description = "folder for the replay (default: the arena's output)" };
        var rollEvery = NumberOptions.Optional<long>("--roll-every", "start a new replay file every N rounds, each linking the one before (default: one file)", "a whole number of rounds, 1 or more", v => v >= 1);
        var threads = NumberOptions.Optional<int>("--threads", "TorchSharp's intra-op threads for the match (default: LibTorch's, one a core); 1 plays faster when other work shares the cores (docs/benchmarks.md)", "a whole number of threads, 1 or more", v => v >= 1);
        var command = new Command("play", "one agent against one opponent, live") { opponent, rounds, policy, budget, start, recent, eta, model, chatFormat, seed, output, rollEvery, threads };

        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, () =>
        {
            using var host = ArenaHost.CreateBuilder(parse).Build();
            var options = host.Services.Arena();
            var configFile = host.Services.GetRequiredService<ConfigFile>();
            var challenger = options.DefaultPlayer();
            var agent = challenger with
            {
                Policy = parse.GetValue(policy) ?? challenger.Policy,
                Budget = parse.GetValue(budget) ?? challenger.Budget,
                Start = parse.GetValue(start) ?? challenger.Start,
                Recent = parse.GetValue(recent) ?? challenger.Recent,
                Eta = parse.GetValue(eta) ?? challenger.Eta,
                Model = parse.GetValue(model) is { } m ? Path.GetFullPath(m) : challenger.Model,
                ChatFormat = parse.GetValue(chatFormat) ?? challenger.ChatFormat,
            };
            agent = agent with { Name = parse.GetValue(policy) is null ? agent.Name : agent.Policy };
            var spec = new MatchSpec(parse.GetValue(opponent)!, parse.GetValue(seed), agent);
            using var intraOp = parse.GetValue(threads) is { } count ? IntraOpThreads.Exactly(count) : null; // the replay's header records them

            // Everything is checked before the first write: the settings, the output folder, the model and a first
            // round on a throw-away match; only then is the folder made and the replay opened.
            int index = Array.IndexOf(options.Agents, challenger);
            string Named(Option given, string flag, string key) =>
                parse.GetResult(given) is not null ? flag
                : index >= 0 ? $"{configFile.Path}: {ArenaOptions.Section}:Agents:{index} (\"{challenger.Name}\"): {key}"
                : $"the default agent's {key}";
            if (agent.IsLlm && agent.Start >= agent.Budget)
                throw new ArgumentException($"{Named(start, "--start", "Start")} {agent.Start} leaves no room in {Named(budget, "--budget", "Budget")} {agent.Budget}; expected 0 to {agent.Budget - 1}");
            try { agent.Validate(); }
            catch (ArgumentException e) { throw new ArgumentException($"{FlagOf(e, parse, policy, budget, start, recent)}{e.Plain()}", e); }
            var outName = parse.GetValue(output) is not null ? "--out" : $"{configFile.Path}: {ArenaOptions.Section}:Output";
            var folder = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : configFile.PathOf(options.Output);
            OutputFolder.Check(folder, outName);
            var factory = host.Services.GetRequiredService<MatchFactory>();
            var modelFolder = agent.Model ?? configFile.PathOf(options.Model);
            if (AgentPreflight.BudgetProblem(agent, modelFolder, Named(budget, "--budget", "Budget")) is { } problem) throw new ArgumentException(problem);
            AgentPreflight.FirstRounds(factory, agent, [spec.Scenario], spec.Seed, Named(budget, "--budget", "Budget"));
            OutputFolder.Create(folder, outName);

            var play = new PlayRun(factory, parse.InvocationConfiguration.Output);
            try
            {
                return Task.FromResult(play.Run(spec, parse.GetValue(rounds), folder, cancellation, parse.GetValue(rollEvery)));
            }
            catch (NonFiniteScoreException e)
            {
                // The rounds before it are in the replay; the match itself failed (a model problem, not a bug).
                parse.InvocationConfiguration.Error.WriteLine($"sirarena: the match failed: {e.Message}");
                return Task.FromResult(UserErrors.MatchFailedCode);
            }
        }));
        return command.WithExamples(
            new HelpExample("sirarena play --opponent rock-biased", "SirLLM on the default model against a player who favours rock, live, until Ctrl+C"),
            new HelpExample("sirarena play --opponent grocery --policy streaming --budget 256 --rounds 200", "StreamingLLM with a 256-token cache as the grocery assistant, for 200 rounds"),
            new HelpExample("sirarena play --opponent switching --policy sir-adaptive --rounds 2000", "SirLLM whose decay follows the stream, against a player who changes its favourite"),
            new HelpExample("sirarena play --model ../SmolLM2-135M-Instruct --chat-format chatml --rounds 50", "a Hugging Face model folder, prompted in its own chat format"));
    }

    /// <summary>"--recent: " when the setting a validation failure names was given on the command line, else "".</summary>
    static string FlagOf(ArgumentException e, ParseResult parse, params Option[] options)
    {
        string? setting = null;
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is ArgumentException { ParamName: { } name }) setting = name;
        if (setting is null) return "";
        var flag = "--" + (setting == "Name" ? "policy" : setting.ToLowerInvariant());
        return options.Any(o => o.Name == flag && parse.GetResult(o) is not null) ? flag + ": " : "";
    }
}
