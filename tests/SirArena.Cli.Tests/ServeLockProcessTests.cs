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

    static async Task Until(Func<bool> done, SirarenaProcess watched, string what)
    {
        var deadline = DateTime.UtcNow + SirarenaProcess.Patience;
        while (!done())
        {
            if (watched.HasExited) throw new InvalidOperationException($"sirarena exited before {what}: {watched.Error}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no {what} within {SirarenaProcess.Patience.TotalSeconds} s: {watched.Output}");
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

        using var first = new SirarenaProcess(serve);
        await Until(() => File.Exists(status), first, "status file from the first serve");

        using (var second = new SirarenaProcess(serve))
        {
            (await second.ExitCode()).Should().Be(2, second.Error);
            var lines = second.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.Should().ContainSingle().Which.Should()
                .StartWith($"sirarena: {folder} is already being written by process {first.Id} on host {Environment.MachineName}");
            second.Output.Should().NotContain("resumed").And.NotContain("new replay chain");
        }

        await first.KillHard();

        using var third = new SirarenaProcess(serve);
        await Until(() => third.Output.Contains("resumed at round"), third, "resume by the third serve");
        third.HasExited.Should().BeFalse("the kernel released the killed serve's lock");
    }
}
