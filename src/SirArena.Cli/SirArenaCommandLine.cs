using System.CommandLine;
using System.CommandLine.Invocation;
using SirArena.Cli.Commands;
using SirArena.Cli.Hosting;

namespace SirArena.Cli;

/// <summary>The `sirarena` verbs; Program.cs only parses and invokes.</summary>
public static class SirArenaCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("sirarena: language-model agents with bounded memory against scripted opponents, round after round")
        {
            PlayCommand.Create(),
            ArenaCommand.Create(),
            ReplayCommand.Create(),
            TrainCommand.Create(),
            BenchCommand.Create(),
            ServeCommand.Create(),
            SoakCommand.Create(),
            SiloCommand.Create(),
        };
        GlobalOptions.AddTo(root);
        root.WithExamples(
            new HelpExample("sirarena play --opponent rock-biased", "SirLLM on the default model against a player who favours rock"),
            new HelpExample("sirarena arena", "every agent against every opponent, with a report"),
            new HelpExample("sirarena --config my-arena.json --verbosity detailed serve", "another configuration, a more talkative log"));
        HelpExamples.ShowIn(root);
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse is a usage error: one line on
    /// stderr naming the flag and what it expects, and exit code 2 (System.CommandLine's own handler prints the help
    /// and exits 1, which scripts would read as a verification mismatch).
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken stop)
    {
        var parse = Create().Parse(args);
        // --help is answered even beside errors (`replay --help` lacks the file it would need to run).
        if (parse.Errors.Count == 0 || parse.Action is not ParseErrorAction) return parse.InvokeAsync(configuration, stop);
        configuration.Error.WriteLine("sirarena: " + UserErrors.OneLine(string.Join("; ", parse.Errors.Select(e => e.Message))) + " (see --help)");
        return Task.FromResult(UserErrors.ExitCode);
    }
}
