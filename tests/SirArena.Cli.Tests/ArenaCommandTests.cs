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
        output.Should().Contain("report:");
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
