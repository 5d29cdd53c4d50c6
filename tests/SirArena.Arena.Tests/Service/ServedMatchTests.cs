using System.Text.Json;
using SirArena.Arena.Agents;
using SirArena.Arena.Checkpoints;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;
using SirArena.Arena.Tests.Replays;
using SirArena.Arena.Tests.Support;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Service;

/// <summary>Served matches: exact resume after a crash, refused checkpoints, retried writes and a circuit per match.</summary>
public sealed class ServedMatchTests : IDisposable
{
    static readonly ServeOptions Options = new() { CheckpointEvery = 8, RollEvery = 10, RetryDelayMs = 1 };

    readonly TinyModelFolder model = new();
    readonly ReplayFolder folder = new();
    readonly MatchFactory factory;

    public ServedMatchTests() => factory = new MatchFactory(ScenarioCatalog.LoadDefault(), model.Path);

    static MatchSpec Llm(string scenario, float eta = 0.9f) =>
        new(scenario, 11, new AgentSpec { Name = "sir", Policy = "sir", Budget = scenario.StartsWith("grocery") ? 400 : 160, Eta = eta });

    static MatchSpec Baseline(string scenario) => new(scenario, 11, new AgentSpec { Name = "frequency", Kind = "frequency" });

    string Sub(string name) => folder.File(name);

    static List<string> Rounds(string chain) =>
        ReplayChain.Open(chain).ReadRounds().Select(r => JsonSerializer.Serialize(r, ReplayJson.Options)).ToList();

    [Theory]
    [InlineData("rock-biased")]
    [InlineData("grocery")]
    public void After_a_crash_the_match_resumes_from_its_checkpoint_and_plays_the_rounds_an_uninterrupted_run_plays(string scenario)
    {
        var spec = Llm(scenario);
        var logger = new ListLogger();
        string whole;
        using (var uninterrupted = ServedMatch.Open(spec, factory, Options, Sub("whole"), logger))
        {
            uninterrupted.Run(CancellationToken.None, untilRound: 30);
            whole = uninterrupted.ChainPath;
        }

        // The crash: round 21 reaches the replay, then the process dies, 5 rounds after the checkpoint at round 16.
        var crash = new InvalidOperationException("simulated crash");
        var crashed = ServedMatch.Open(spec, factory, Options, Sub("crashed"), logger, s => new FaultyStore(s, n => n == 22 ? crash : null, afterWrite: true));
        crashed.Run(CancellationToken.None, untilRound: 30);
        crashed.State.Should().Be(ServedMatchState.Broken);
        crashed.LastCheckpoint.Should().Be(16);
        crashed.Dispose();
        Rounds(crashed.ChainPath).Should().HaveCount(22, "the rounds played after the checkpoint reached the replay before the crash");

        using var resumed = ServedMatch.Open(spec, factory, Options, Sub("crashed"), logger);
        resumed.ResumedAt.Should().Be(16);
        resumed.ChainPath.Should().Be(crashed.ChainPath, "the chain goes on");
        resumed.Run(CancellationToken.None, untilRound: 30);
        resumed.Dispose();

        var rounds = Rounds(resumed.ChainPath);
        rounds.Should().HaveCount(30, "no round lost, none twice");
        rounds.Should().Equal(Rounds(whole), "the rounds after the resume are those of the uninterrupted run");
        logger.Entries.Should().Contain(e => e.Message.Contains("resumed at round 16"));
    }

    [Fact]
    public void A_corrupt_checkpoint_is_refused_and_the_match_starts_a_new_chain_leaving_the_old_files_as_they_were()
    {
        var spec = Llm("rock-biased");
        var logger = new ListLogger();
        string oldChain;
        using (var first = ServedMatch.Open(spec, factory, Options, Sub("corrupt"), logger))
        {
            first.Run(CancellationToken.None, untilRound: 12);
            oldChain = first.ChainPath;
        }
        var checkpoint = ServeFiles.CheckpointOf(oldChain);
        var bytes = File.ReadAllBytes(checkpoint);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(checkpoint, bytes);
        var chainBefore = File.ReadAllBytes(oldChain);

        using var second = ServedMatch.Open(spec, factory, Options, Sub("corrupt"), logger);

        second.ResumedAt.Should().Be(0);
        second.ChainPath.Should().NotBe(oldChain);
        File.ReadAllBytes(checkpoint).Should().Equal(bytes, "a refused checkpoint is left as it was");
        File.ReadAllBytes(oldChain).Should().Equal(chainBefore);
        logger.Entries.Should().Contain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.Contains("checkpoint refused") && e.Message.Contains("checksum") && e.Message.Contains(Path.GetFileName(checkpoint)));
    }

    [Fact]
    public void A_checkpoint_written_under_another_configuration_is_refused()
    {
        var logger = new ListLogger();
        using (var first = ServedMatch.Open(Llm("rock-biased", eta: 0.9f), factory, Options, Sub("changed"), logger))
            first.Run(CancellationToken.None, untilRound: 9);

        using var second = ServedMatch.Open(Llm("rock-biased", eta: 0.8f), factory, Options, Sub("changed"), logger);

        second.ResumedAt.Should().Be(0);
        logger.Entries.Should().Contain(e => e.Message.Contains("checkpoint refused") && e.Message.Contains("configuration changed"));
    }

    [Fact]
    public void Transient_write_failures_are_retried_and_leave_no_gap_or_repeat()
    {
        var logger = new ListLogger();
        var glitch = new IOException("device busy");
        using var match = ServedMatch.Open(Baseline("rock-biased"), factory, Options, Sub("flaky"), logger,
            s => new FaultyStore(s, n => n is 5 or 6 or 14 ? glitch : null));

        match.Run(CancellationToken.None, untilRound: 25);
        match.Dispose();

        match.State.Should().Be(ServedMatchState.Stopped);
        Rounds(match.ChainPath).Select(r => JsonDocument.Parse(r).RootElement.GetProperty("round").GetInt64())
            .Should().Equal(Enumerable.Range(0, 25).Select(i => (long)i));
        logger.Entries.Count(e => e.Message.Contains("retry")).Should().Be(3);
    }

    [Fact]
    public void Writes_that_keep_failing_open_the_circuit_of_that_match_only()
    {
        var logger = new ListLogger();
        var full = new IOException("No space left on device", 28);
        var failing = ServedMatch.Open(Baseline("rock-biased"), factory, Options, Sub("full"), logger,
            s => new FaultyStore(s, n => n > 11 ? full : null));
        var healthy = ServedMatch.Open(Baseline("switching"), factory, Options, Sub("full"), logger);

        Parallel.Invoke(
            () => failing.Run(CancellationToken.None, untilRound: 40),
            () => healthy.Run(CancellationToken.None, untilRound: 40));
        failing.Dispose();
        healthy.Dispose();

        failing.State.Should().Be(ServedMatchState.Broken);
        failing.Problem.Should().Contain("circuit breaker").And.Contain("disk is full");
        failing.LastCheckpoint.Should().Be(8, "no checkpoint is written once the match is ahead of its replay");
        Rounds(failing.ChainPath).Should().HaveCount(11, "what was written before the failures stays intact");
        healthy.State.Should().Be(ServedMatchState.Stopped);
        healthy.Rounds.Should().Be(40);
        logger.Entries.Should().Contain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("circuit opened"));

        using var resumed = ServedMatch.Open(Baseline("rock-biased"), factory, Options, Sub("full"), logger);
        resumed.ResumedAt.Should().Be(8, "a restart picks up the last good checkpoint");
    }

    [Fact]
    public void A_served_match_whose_checkpoint_cannot_be_written_breaks_and_leaves_no_temporary_file()
    {
        var logger = new ListLogger();
        using var match = ServedMatch.Open(Baseline("rock-biased"), factory, Options, Sub("no-checkpoint"), logger);
        var checkpoint = ServeFiles.CheckpointOf(match.ChainPath);
        File.Delete(checkpoint);
        Directory.CreateDirectory(checkpoint); // every checkpoint write now fails at its rename, its temporary file written

        match.Run(CancellationToken.None, untilRound: 20);

        match.State.Should().Be(ServedMatchState.Broken);
        match.LastCheckpoint.Should().Be(0);
        Directory.GetFiles(Sub("no-checkpoint"), "*.tmp").Should().BeEmpty("a failed checkpoint write removes its temporary file");
    }

    [Fact]
    public void The_log_of_writes_that_keep_failing_reads_in_order_the_retries_then_the_circuit_opening_then_the_break()
    {
        var logger = new ListLogger();
        var full = new IOException("No space left on device", 28);
        using var match = ServedMatch.Open(Baseline("rock-biased"), factory, Options with { Retries = 3, BreakAfter = 3 }, Sub("order"), logger,
            s => new FaultyStore(s, n => n > 4 ? full : null));

        match.Run(CancellationToken.None, untilRound: 20);

        match.State.Should().Be(ServedMatchState.Broken);
        match.Problem.Should().Contain("circuit breaker").And.Contain("disk is full");
        var lines = logger.Entries.Select(e => e.Message).Where(m => m.Contains("retry") || m.Contains("circuit opened") || m.Contains("broken")).ToList();
        lines.Should().HaveCount(4);
        lines[0].Should().Contain("retry 1 of 3");
        lines[1].Should().Contain("retry 2 of 3");
        lines[2].Should().Contain("circuit opened after 3 failed writes in a row");
        lines[3].Should().Contain("broken at round 5").And.Contain("circuit breaker");
    }

    public void Dispose()
    {
        factory.Dispose();
        folder.Dispose();
        model.Dispose();
    }
}
