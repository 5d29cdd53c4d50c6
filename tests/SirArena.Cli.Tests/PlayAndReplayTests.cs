using SirArena.Cli.Tests.Support;
using SirArena.Llm.Memory;

namespace SirArena.Cli.Tests;

public class PlayAndReplayTests
{
    [Fact]
    public async Task Play_50_rounds_writes_a_replay_that_summarises_shows_a_round_and_verifies()
    {
        using var arena = new ArenaFolder();
        var (code, output, error) = await CliRun.Invoke("play", "--opponent", "rock-biased", "--rounds", "50", "--budget", "160", "--config", arena.Config);

        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("sir against rock-biased: 50 rounds").And.Contain("win").And.Contain("cache ");
        var replay = arena.Replays().Should().ContainSingle().Subject;

        (code, output, _) = await CliRun.Invoke("replay", replay);
        code.Should().Be(0);
        output.Should().Contain("rock-biased").And.Contain("50 (rounds 0 to 49)");

        (code, output, _) = await CliRun.Invoke("replay", replay, "--round", "40");
        code.Should().Be(0);
        output.Should().Contain("round 40").And.Contain("retained after the round").And.Contain("evicted this round");
        var view = Arena.Replays.ReplayRoundView.Read(replay, 40);
        var first = view.Retained[0];
        output.Should().Contain($"{first.StreamIndex,8} {0,6} {first.Score,8:F3}  ", "piped output lists each held token with its stream index, round and score");
        var newest = view.Retained[^1];
        output.Should().Contain($"{newest.StreamIndex,8} {40,6} {newest.Score,8:F3}  ", "the newest held token is round 40's answer");
        var coloured = new StringWriter();
        Views.RoundViewRenderer.Write(view, Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.TrueColor,
            Out = new Spectre.Console.AnsiConsoleOutput(coloured),
        }));
        var marks = System.Text.RegularExpressions.Regex.Matches(coloured.ToString(), "‹r(\\d+)›").Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        marks.Should().StartWith(view.RoundOf(view.Retained[0].StreamIndex)).And.Contain(40)
            .And.HaveCount(view.Retained.Select(t => view.RoundOf(t.StreamIndex)).Distinct().Count() + view.Evicted.Select(t => view.RoundOf(t.StreamIndex)).Distinct().Count(),
                "the coloured view marks where each round's held tokens, and then its evicted ones, begin");
        output.Should().Contain("tokens evicted)", "a budget of 160 over 40 rounds has evicted from between held tokens");

        (code, output, _) = await CliRun.Invoke("replay", replay, "--round", "40", "--json");
        code.Should().Be(0);
        using (var json = System.Text.Json.JsonDocument.Parse(output))
        {
            var root = json.RootElement;
            root.GetProperty("round").GetInt64().Should().Be(40);
            root.GetProperty("retained").EnumerateArray().Select(t => t.GetProperty("streamIndex").GetInt64())
                .Should().Equal(view.Retained.Select(t => t.StreamIndex), "the JSON holds exactly the rebuilt memory");
            root.GetProperty("retained").EnumerateArray().Select(t => t.GetProperty("score").GetSingle())
                .Should().Equal(view.Retained.Select(t => t.Score));
            root.GetProperty("evicted").GetArrayLength().Should().Be(view.Evicted.Count);
            root.GetProperty("candidates").EnumerateArray().Count(c => c.GetProperty("chosen").GetBoolean()).Should().Be(1);
        }
        (code, _, var refused) = await CliRun.Invoke("replay", replay, "--json");
        code.Should().Be(2);
        refused.Should().Contain("--round");

        (code, output, _) = await CliRun.Invoke("replay", replay, "--verify", "--config", arena.Config);
        output.Should().Contain("reproduced").And.Contain("50");
        code.Should().Be(0, output);
    }

    [Fact]
    public async Task An_adaptive_decay_records_each_rounds_eta_and_its_replay_rebuilds_and_verifies()
    {
        using var arena = new ArenaFolder();
        var (code, _, error) = await CliRun.Invoke("play", "--opponent", "switching", "--rounds", "60", "--budget", "160",
            "--policy", "sir-adaptive", "--eta", "0.95", "--config", arena.Config);
        code.Should().Be(0, error);
        var replay = arena.Replays().Should().ContainSingle().Subject;

        var etas = File.ReadLines(replay).Skip(1).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement
            .GetProperty("trace").GetProperty("eta").GetSingle()).ToArray();
        etas.Should().HaveCount(60).And.OnlyContain(eta => eta >= AdaptiveSirMemory.DefaultMinEta && eta <= 0.95f);

        (code, var output, _) = await CliRun.Invoke("replay", replay, "--round", "55");
        code.Should().Be(0, output);
        output.Should().Contain($"the round ended with eta {etas[55]:F3}");
        (code, output, _) = await CliRun.Invoke("replay", replay, "--verify", "--config", arena.Config);
        code.Should().Be(0, output);
    }

    [Fact]
    public async Task A_rolled_replay_missing_its_middle_file_is_refused_by_summary_round_and_verify_and_read_up_to_the_break_with_prefix()
    {
        using var arena = new ArenaFolder();
        var (code, _, error) = await CliRun.Invoke("play", "--opponent", "rock-biased", "--rounds", "30", "--roll-every", "10",
            "--out", arena.Output, "--config", arena.Config);
        code.Should().Be(0, error);
        var first = arena.Replays().Should().ContainSingle(f => !f.Contains(".part")).Subject;
        var second = Path.ChangeExtension(first, ".part2.jsonl");
        File.Exists(second).Should().BeTrue();
        File.Delete(second);
        var missing = Path.GetFileName(second);

        foreach (var args in new[] { new[] { "replay", first }, ["replay", first, "--round", "3"], ["replay", first, "--verify", "--config", arena.Config] })
        {
            (code, var output, error) = await CliRun.Invoke(args);
            code.Should().Be(2, "{0} refuses a broken chain as bad input; output: {1}", string.Join(' ', args), output);
            error.Should().Contain(missing).And.Contain("is missing").And.NotContain("   at ");
            output.Should().NotContain("reproduced");
        }

        (code, var summary, _) = await CliRun.Invoke("replay", first, "--prefix");
        code.Should().Be(0);
        summary.Should().Contain("10 (rounds 0 to 9)").And.Contain("stopped").And.Contain(missing);

        (code, _, error) = await CliRun.Invoke("replay", first, "--verify", "--prefix", "--config", arena.Config);
        code.Should().Be(2);
        error.Should().Contain("--prefix");
    }

    [Fact]
    public async Task Two_plays_started_at_once_both_succeed_each_with_a_replay_of_its_own()
    {
        using var arena = new ArenaFolder();
        string[] play = ["play", "--opponent", "rock-biased", "--rounds", "5", "--budget", "160", "--config", arena.Config];

        var runs = await Task.WhenAll(CliRun.Invoke(play), CliRun.Invoke(play));

        runs.Should().OnlyContain(r => r.ExitCode == 0 && r.Error.Length == 0);
        var replays = arena.Replays();
        replays.Should().HaveCount(2);
        foreach (var replay in replays)
        {
            File.Exists(replay + ".lock").Should().BeFalse("a finished play releases its chain's lock and leaves no lock file");
            (await CliRun.Invoke("replay", replay)).Output.Should().Contain("5 (rounds 0 to 4)");
        }
    }

    [Fact]
    public async Task An_unknown_opponent_ends_with_one_message_listing_the_known_ones()
    {
        using var arena = new ArenaFolder();
        var (code, _, error) = await CliRun.Invoke("play", "--opponent", "rock-lover", "--rounds", "1", "--config", arena.Config);

        code.Should().Be(2);
        error.Should().Contain("rock-lover").And.Contain("rock-biased").And.NotContain("   at ");
    }
}
