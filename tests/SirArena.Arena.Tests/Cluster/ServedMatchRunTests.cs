using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using SirArena.Arena.Agents;
using SirArena.Arena.Cluster;
using SirArena.Arena.Matches;
using SirArena.Arena.Service;
using SirArena.Arena.Tests.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Cluster;

/// <summary>
/// The single writer of a served match on a cluster, between two activations in one process (as two silos would be):
/// the second waits while the first holds the match's lock, and once the first has stopped and let the lock go, it
/// resumes the same chain where the first stopped.
/// </summary>
public sealed class ServedMatchRunTests : IDisposable
{
    readonly ReplayFolder folder = new();
    readonly SiloMatches silo = new(1, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<SiloMatches>.Instance);

    ServeOrder Order() => new(new MatchSpec("rock-biased", 5, new AgentSpec { Name = "frequency", Kind = "frequency" }), folder.Path,
        new ServeOptions { CheckpointEvery = 10, RollEvery = 1000 }, ScenarioFolder.Locate(), "no model: a baseline agent", "cpu");

    static async Task<MatchStatus> Until(ServedMatchRun run, Func<MatchStatus, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        for (var status = run.Status("here"); ; status = run.Status("here"))
        {
            if (done(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the match is {status.State} at round {status.Round}: {status.Problem}");
            await Task.Delay(20);
        }
    }

    [LockingFact]
    public async Task A_second_activation_waits_for_the_lock_of_the_first_and_resumes_its_chain_where_it_stopped()
    {
        var logger = new ListLogger();
        var first = ServedMatchRun.TryStart(Order(), silo, null, logger, out var nothing);
        first.Should().NotBeNull();
        nothing.Should().BeNull();
        await Until(first!, s => s.State == nameof(ServedMatchState.Running) && s.Round >= 50);

        ServedMatchRun.TryStart(Order(), silo, null, logger, out var waiting).Should().BeNull("the first holds the match's lock");
        waiting!.State.Should().Be(ServedMatchRun.Starting);
        waiting.Problem.Should().StartWith("waiting for its lock").And.Contain($"process {Environment.ProcessId}")
            .And.Contain(ServeFiles.LockOf(folder.Path, Order().Match));

        await first!.StopAsync();
        var stopped = first.Status("here");
        stopped.State.Should().Be(nameof(ServedMatchState.Stopped));
        ServedMatchRun.TryStart(Order(), silo, null, logger, out _).Should().BeNull("a stopped match keeps its lock until its files are closed");
        await first.DisposeAsync();

        await using var second = ServedMatchRun.TryStart(Order(), silo, null, logger, out _);
        second.Should().NotBeNull("the first released the lock as it was disposed");
        var resumed = await Until(second!, s => s.State == nameof(ServedMatchState.Running));
        resumed.Chain.Should().Be(stopped.Chain, "the same chain goes on");
        logger.Entries.Should().Contain(e => e.Message.Contains($"resumed at round {stopped.Round} from"));
    }

    [Fact]
    public void A_silo_that_cannot_reach_the_serve_folder_says_so_naming_the_setting_and_what_it_must_be()
    {
        var unreachable = Order() with { Folder = Path.Combine(folder.Path, "not-mounted", "serve") };

        ServedMatchRun.TryStart(unreachable, silo, null, new ListLogger(), out var broken).Should().BeNull();

        broken!.State.Should().Be(nameof(ServedMatchState.Broken));
        broken.Problem.Should().Contain(unreachable.Key).And.Contain("--out or Serve:Output").And.Contain("every silo reaches");
        Directory.Exists(unreachable.Folder).Should().BeFalse("a silo creates no serve folder of its own");
    }

    public void Dispose()
    {
        silo.Dispose();
        folder.Dispose();
    }
}
