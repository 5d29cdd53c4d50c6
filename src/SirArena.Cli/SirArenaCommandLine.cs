using System.CommandLine;
using SirArena.Cli.Commands;
using SirArena.Cli.Hosting;

namespace SirArena.Cli;

/// <summary>The `sirarena` verbs; Program.cs only parses and invokes.</summary>
public static class SirArenaCommandLine
{
    public static RootCommand Create() => new("sirarena: language-model agents with bounded memory against scripted opponents, round after round")
    {
        PlayCommand.Create(),
        ArenaCommand.Create(),
        ReplayCommand.Create(),
        TrainCommand.Create(),
        BenchCommand.Create(),
        ServeCommand.Create(),
        SoakCommand.Create(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse is a usage error: one line on
    /// stderr naming the flag and what it expects, and exit code 2 (System.CommandLine's own handler prints the help
    /// and exits 1, which scripts would read as a verification mismatch).
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken stop)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count == 0) return parse.InvokeAsync(configuration, stop);
        configuration.Error.WriteLine("sirarena: " + UserErrors.OneLine(string.Join("; ", parse.Errors.Select(e => e.Message))) + " (see --help)");
        return Task.FromResult(UserErrors.ExitCode);
    }
}
