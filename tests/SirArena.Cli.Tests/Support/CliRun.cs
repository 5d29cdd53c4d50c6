using System.CommandLine;

namespace SirArena.Cli.Tests.Support;

/// <summary>Runs `sirarena` in-process with its output captured, as a user at a terminal would run it.</summary>
public static class CliRun
{
    public static Task<(int ExitCode, string Output, string Error)> Invoke(params string[] args) => Invoke(CancellationToken.None, args);

    /// <summary>Runs with <paramref name="stop"/> standing for Ctrl+C.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Invoke(CancellationToken stop, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await SirArenaCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, stop);
        return (code, output.ToString(), error.ToString());
    }
}
