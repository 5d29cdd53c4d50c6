using System.Diagnostics;
using System.Text;

namespace SirArena.Cli.Tests.Support;

/// <summary>
/// The built `sirarena` as a process of its own, for tests that kill it as kill -9 kills (what an in-process run
/// cannot show: the operating system releasing its locks, a silo lost mid-round), with its output gathered as it
/// comes, so a full pipe never stalls it.
/// </summary>
public sealed class SirarenaProcess : IDisposable
{
    /// <summary>How long a test waits for the process to do what it waits for.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly Process process;
    readonly StringBuilder output = new();
    readonly StringBuilder error = new();

    public SirarenaProcess(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sirarena.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (error) error.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public string Output { get { lock (output) return output.ToString(); } }
    public string Error { get { lock (error) return error.ToString(); } }

    public async Task<int> ExitCode()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // the output read to its end
        return process.ExitCode;
    }

    /// <summary>As SIGTERM (what a service manager sends, and Ctrl+C's twin): the process stops in its own way.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
        kill.WaitForExit();
    }

    /// <summary>As kill -9: no chance to release anything.</summary>
    public async Task KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await ExitCode();
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has just exited
        }
        process.Dispose();
    }
}
