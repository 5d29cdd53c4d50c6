using System.CommandLine;

namespace SirArena.Cli.Tests.Support;

/// <summary>Runs `sirarena` in-process with its output captured, as a user at a terminal would run it.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await SirArenaCommandLine.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
