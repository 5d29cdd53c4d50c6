using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SirArena.Arena.Checkpoints;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;
using SirArena.Cli.Commands;
using SirArena.Cli.Hosting;
using SirArena.Cli.Tests.Support;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Tests;

/// <summary>`serve` as a hosted service: started and stopped in-process, resumed by the next start.</summary>
public class ServeCommandTests
{
    static string Json(string scenarios) => $$"""
        {
          "Arena": {
            "Scenarios": "{{scenarios.Replace("\\", "/")}}",
            "Seeds": [ 2 ],
            "Opponents": [ "rock-biased", "grocery" ],
            "Agents": [ { "Name": "frequency", "Kind": "frequency" }, { "Name": "oracle", "Kind": "oracle" } ]
          },
          "Serve": { "Output": "serve", "CheckpointEvery": 100, "RollEvery": 20000, "StatusSeconds": 0.2 }
        }
        """;

    static IHost Host(ArenaFolder arena)
    {
        var builder = ArenaHost.CreateBuilder(arena.Config);
        builder.AddServe([], []);
        return builder.Build();
    }

    static async Task<ServeStatus> RunUntil(IHost host, Func<ServeStatus, bool> enough)
    {
        var worker = host.Services.GetRequiredService<ServeWorker>();
        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(worker.LastStatus is { } s && enough(s)) && DateTime.UtcNow < deadline) await Task.Delay(50);
        await host.StopAsync();
        return ServeStatus.Read(worker.StatusPath);
    }

    [Fact]
    public async Task The_host_serves_every_match_stops_with_a_checkpoint_at_the_last_round_and_the_next_start_resumes_the_chains()
    {
        using var arena = new ArenaFolder(Json(ScenarioFolder.Locate()));
        var serveFolder = Path.Combine(arena.Path, "serve");

        ServeStatus first;
        using (var host = Host(arena)) first = await RunUntil(host, s => s.Matches.Count == 4 && s.Matches.All(m => m.Round >= 300));

        first.Matches.Should().HaveCount(4).And.OnlyContain(m => m.State == "Stopped" && m.LastCheckpoint == m.Round && m.Round >= 300);
        foreach (var match in first.Matches)
        {
            var chain = Path.Combine(serveFolder, match.Chain);
            var (header, _) = CheckpointFile.Read(ServeFiles.CheckpointOf(chain));
            header.NextRound.Should().Be(match.Round);
            ReplayChain.Open(chain).ReadRounds().LongCount().Should().Be(match.Round, "every round played is in the replay, once");
        }

        ServeStatus second;
        using (var host = Host(arena)) second = await RunUntil(host, s => s.Matches.Count == 4 && s.Matches.All(m => m.Round >= 600));

        second.Matches.Select(m => m.Chain).Should().BeEquivalentTo(first.Matches.Select(m => m.Chain), "each match goes on in its own chain");
        foreach (var match in second.Matches)
            ReplayChain.Open(Path.Combine(serveFolder, match.Chain)).ReadRounds().Select(r => r.Round)
                .Should().Equal(Enumerable.Range(0, (int)match.Round).Select(i => (long)i));
        Directory.GetFiles(serveFolder, "*" + CheckpointFile.Extension).Should().HaveCount(4);
    }

    [Fact]
    public async Task Serve_from_the_command_line_runs_until_cancelled_and_exits_0()
    {
        using var arena = new ArenaFolder(Json(ScenarioFolder.Locate()));
        var statusFile = Path.Combine(arena.Path, "serve", "status.json");
        using var stop = new CancellationTokenSource();

        var serve = CliRun.Invoke(stop.Token, "serve", "--config", arena.Config, "--opponent", "rock-biased", "--agent", "oracle");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(statusFile) && !serve.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(50);
        stop.Cancel(); // Ctrl+C, once the service has reported
        var (code, _, error) = await serve;

        error.Should().BeEmpty();
        code.Should().Be(0);
        var status = ServeStatus.Read(statusFile);
        status.Matches.Should().ContainSingle().Which.State.Should().Be("Stopped");
    }

    [Fact]
    public async Task The_status_is_logged_as_fields_a_json_log_keeps_apart_not_as_one_preformatted_string()
    {
        using var arena = new ArenaFolder(Json(ScenarioFolder.Locate()));
        var builder = ArenaHost.CreateBuilder(arena.Config, logLevel: LogLevel.Information);
        builder.Logging.AddFakeLogging();
        builder.AddServe([], []);
        using var host = builder.Build();

        var status = await RunUntil(host, s => s.Rounds > 0);

        var logged = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Message.StartsWith("status:")).ToList();
        logged.Should().NotBeEmpty();
        var fields = logged[^1].StructuredState!.ToDictionary(kv => kv.Key, kv => kv.Value);
        fields.Keys.Should().Contain(["Running", "Matches", "Broken", "Rounds", "RoundsPerSecond", "RssMb", "ManagedHeapMb", "LiveTensors"]);
        fields["Matches"].Should().Be(status.Matches.Count.ToString());
        long.Parse(fields["Rounds"]!).Should().BePositive();
    }

    [Fact]
    public async Task A_second_serve_on_a_folder_being_served_is_refused_with_exit_2_before_it_opens_a_match()
    {
        using var arena = new ArenaFolder(Json(ScenarioFolder.Locate()));
        var serveFolder = Path.Combine(arena.Path, "serve");
        using var first = Host(arena);
        var worker = first.Services.GetRequiredService<ServeWorker>();
        await first.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (worker.LastStatus is null && DateTime.UtcNow < deadline) await Task.Delay(50);
            string[] Chains() => Directory.GetFiles(serveFolder, "*.jsonl").Where(f => !f.Contains(".part")).Order().ToArray();
            var chainsBefore = Chains();

            var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config);

            code.Should().Be(2);
            error.Trim().Should().StartWith($"sirarena: {serveFolder} is already being written by process {Environment.ProcessId} on host {Environment.MachineName}")
                .And.NotContain("\n").And.NotContain("   at ");
            Chains().Should().Equal(chainsBefore, "the refused serve started no chain of its own");
        }
        finally
        {
            await first.StopAsync();
        }
    }

    [Fact]
    public async Task Serve_refuses_an_agent_the_arena_does_not_have()
    {
        using var arena = new ArenaFolder(Json(ScenarioFolder.Locate()));

        var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--agent", "nobody");

        code.Should().Be(2);
        error.Should().Contain("--agent nobody").And.Contain("frequency, oracle").And.NotContain("   at ");
    }
}
