using System.Diagnostics;
using System.Text;
using SirArena.Arena.Tests.Support;
using SirArena.Cli.Tests.Support;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Tests;

/// <summary>
/// One writer per serve folder between real processes: the built `sirarena` started as separate processes on one
/// folder, the first killed as kill -9 kills, to show the operating system releases its lock.
/// </summary>
public sealed class ServeLockProcessTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    static string Json(string scenarios) => $$"""
        {
          "Arena": {
            "Scenarios": "{{scenarios.Replace("\\", "/")}}",
            "Seeds": [ 2 ],
            "Opponents": [ "rock-biased" ],
            "Agents": [ { "Name": "frequency", "Kind": "frequency" } ]
          },
          "Serve": { "Output": "serve", "CheckpointEvery": 100, "RollEvery": 100000000, "StatusSeconds": 0.2 }
        }
        """;

    /// <summary>A `sirarena` process with its output gathered as it comes, so a full pipe never stalls it.</summary>
    sealed class Sirarena : IDisposable
    {
        readonly Process process;
        readonly StringBuilder output = new();
        readonly StringBuilder error = new();

        public Sirarena(params string[] args)
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

    static async Task Until(Func<bool> done, Sirarena watched, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            if (watched.HasExited) throw new InvalidOperationException($"sirarena exited before {what}: {watched.Error}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no {what} within {Patience.TotalSeconds} s: {watched.Output}");
            await Task.Delay(50);
        }
    }

    [LockingFact]
    public async Task A_second_serve_process_is_refused_naming_the_first_and_after_the_first_is_killed_a_third_starts()
    {
        using var arena = new ArenaFolder(Json(ScenarioFolder.Locate()));
        var folder = Path.Combine(arena.Path, "serve");
        var status = Path.Combine(folder, "status.json");
        string[] serve = ["serve", "--config", arena.Config];

        using var first = new Sirarena(serve);
        await Until(() => File.Exists(status), first, "status file from the first serve");

        using (var second = new Sirarena(serve))
        {
            (await second.ExitCode()).Should().Be(2, second.Error);
            var lines = second.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.Should().ContainSingle().Which.Should()
                .StartWith($"sirarena: {folder} is already being written by process {first.Id} on host {Environment.MachineName}");
            second.Output.Should().NotContain("resumed").And.NotContain("new replay chain");
        }

        await first.KillHard();

        using var third = new Sirarena(serve);
        await Until(() => third.Output.Contains("resumed at round"), third, "resume by the third serve");
        third.HasExited.Should().BeFalse("the kernel released the killed serve's lock");
    }
}
