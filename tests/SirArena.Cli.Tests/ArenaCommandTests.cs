using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

public class ArenaCommandTests
{
    [Fact]
    public async Task An_arena_writes_one_replay_per_match_and_a_report_with_plots()
    {
        using var arena = new ArenaFolder();
        var (code, output, error) = await CliRun.Invoke("arena", "--config", arena.Config);

        error.Should().BeEmpty();
        code.Should().Be(0);
        arena.Replays().Should().HaveCount(6, "3 agents x 2 opponents x 1 seed");
        var report = Directory.GetFiles(arena.Output, "report.md", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        File.ReadAllText(report).Should().Contain("sir").And.Contain("streaming").And.Contain("oracle");
        Directory.GetFiles(Path.GetDirectoryName(report)!, "*.png").Should().NotBeEmpty();
        output.Should().Contain("report:").And.NotContain("pooled", "this arena names no pools");
    }

    [Fact]
    public async Task The_report_pairs_each_agent_with_the_baseline_and_each_variant_with_the_challenger_too()
    {
        using var arena = new ArenaFolder();
        File.WriteAllText(arena.Config, File.ReadAllText(arena.Config).Replace(
            "{ \"Name\": \"streaming\"",
            "{ \"Name\": \"sir-eta0.7\", \"Kind\": \"llm\", \"Policy\": \"sir\", \"Budget\": 200, \"Eta\": 0.7 },\n              { \"Name\": \"streaming\""));

        var (code, _, error) = await CliRun.Invoke("arena", "--config", arena.Config);

        code.Should().Be(0, error);
        var report = File.ReadAllText(Directory.GetFiles(arena.Output, "report.md", SearchOption.AllDirectories).Single());
        string Row(string pair) => report.Split('\n').Should().ContainSingle(line => line.StartsWith($"| rock-biased | {pair} |")).Subject;
        string[] Cells(string row) => row.Trim('|', ' ', '\r').Split('|').Select(c => c.Trim()).ToArray();
        var challenger = Cells(Row("sir - streaming"));
        var variant = Cells(Row("sir-eta0.7 - streaming"));
        var againstChallenger = Cells(Row("sir-eta0.7 - sir"));
        againstChallenger[4].Should().Be(variant[4], "A is the variant in both rows");
        againstChallenger[5].Should().Be(challenger[4], "B is the challenger, sir");
        againstChallenger[8].Should().Be("-", "no share of a gap to the oracle is given against the challenger");
        report.Should().NotContain("| streaming - sir |", "the baseline is not a variant of the challenger");
    }

    [Fact]
    public async Task The_console_prints_one_pooled_line_per_agent_for_each_pool_of_arena_json_and_none_without_pools()
    {
        using var arena = new ArenaFolder();
        File.WriteAllText(arena.Config, File.ReadAllText(arena.Config)
            .Replace("\"Rounds\": 30", "\"Rounds\": 12, \"Pools\": { \"mixed\": [ \"rock-biased\", \"switching\" ] }"));

        var (code, output, error) = await CliRun.Invoke("arena", "--config", arena.Config);

        error.Should().BeEmpty();
        code.Should().Be(0);
        foreach (var agent in new[] { "sir", "streaming", "oracle" })
            output.Should().MatchRegex($@"\n  {agent} +pooled mixed win \d+\.\d % \[.*\] \(\d+/24\)", "12 rounds against each of the two pooled opponents");
        output.Should().NotContain("pooled biased");
        var report = File.ReadAllText(Directory.GetFiles(arena.Output, "report.md", SearchOption.AllDirectories).Single());
        report.Should().MatchRegex(@"\| mixed players, pooled \| oracle \| 24 \|");
    }

    [Fact]
    public async Task A_resumed_arena_plays_only_the_missing_and_cut_matches_and_writes_the_report_of_an_uninterrupted_run()
    {
        using var arena = new ArenaFolder();
        File.WriteAllText(arena.Config, File.ReadAllText(arena.Config)
            .Replace("\"Rounds\": 30", "\"Rounds\": 30, \"Pools\": { \"mixed\": [ \"rock-biased\", \"switching\" ] }"));
        (await CliRun.Invoke("arena", "--config", arena.Config)).ExitCode.Should().Be(0);
        var run = Path.GetDirectoryName(arena.Replays()[0])!;
        var report = Path.Combine(run, "report.md");
        var uninterrupted = File.ReadAllText(report);
        uninterrupted.Should().Contain("mixed players, pooled", "the pools travel in arena-run.json to the resumed run");
        var replays = arena.Replays().Order().ToArray();
        File.Delete(replays[0]);
        File.WriteAllLines(replays[3], File.ReadAllLines(replays[3]).SkipLast(5));
        File.Delete(report);

        var (code, output, error) = await CliRun.Invoke("arena", "--resume", run);

        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("resumed: 4 matches read back from complete replays, 2 played");
        File.ReadAllText(report).Should().Be(uninterrupted);
    }

    [Fact]
    public async Task Resume_refuses_a_flag_that_would_change_the_arena_and_a_folder_that_is_not_a_run()
    {
        using var arena = new ArenaFolder();
        Directory.CreateDirectory(arena.Output);

        var (code, _, error) = await CliRun.Invoke("arena", "--resume", arena.Output, "--rounds", "5");
        code.Should().Be(2);
        error.Should().Contain("--rounds cannot change it").And.NotContain("   at ");

        (code, _, error) = await CliRun.Invoke("arena", "--resume", arena.Output);
        code.Should().Be(2);
        error.Should().Contain(arena.Output).And.Contain("arena-run.json").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("{ \"Arena\": { \"Rounds\": 10, ", "line")]
    [InlineData("{ \"Arena\": { \"Rounds\": \"many\" } }", "Arena:Rounds")]
    [InlineData("{ \"Arena\": { \"Rounds\": -5, \"Opponents\": [\"rock-biased\"], \"Agents\": [ { \"Name\": \"x\", \"Kind\": \"oracle\" } ] } }", "Arena:Rounds")]
    [InlineData("{ \"Arena\": { \"Opponents\": [\"rock-biased\"], \"Agents\": [ { \"Name\": \"x\", \"Kind\": \"llm\", \"Budget\": 2 } ] } }", "Arena:Agents:0")]
    [InlineData("{ \"Arena\": { \"Opponents\": [\"rock-biased\"], \"Agents\": [ { \"Name\": \"x\", \"Kind\": \"oracle\", \"Colour\": \"red\" } ] } }", "Colour")]
    public async Task A_malformed_arena_file_stops_with_the_file_and_key_and_no_stack_trace(string json, string expected)
    {
        using var arena = new ArenaFolder(json);
        var (code, _, error) = await CliRun.Invoke("arena", "--config", arena.Config);

        code.Should().Be(2);
        error.Should().Contain(expected).And.NotContain("   at ");
    }
}
