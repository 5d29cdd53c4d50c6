using SirArena.Arena.Replays;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

public class SoakCommandTests
{
    [Fact]
    public async Task Matches_soaked_side_by_side_play_on_one_intra_op_thread_each()
    {
        using var arena = new ArenaFolder();
        var folder = Path.Combine(arena.Path, "soak");
        // A process of its own: the thread count is process-wide, and the test host runs other classes' matches meanwhile.
        using var soak = new SirarenaProcess("soak", "--config", arena.Config, "--rounds", "3", "--opponent", "rock-biased", "switching",
            "--agent", "sir", "--out", folder);

        (await soak.ExitCode()).Should().Be(0, soak.Error);
        var chains = Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories);
        chains.Should().HaveCount(2);
        foreach (var chain in chains)
        {
            using var reader = ReplayReader.Open(chain);
            reader.Header.Threads.Should().Be(1, $"{Path.GetFileName(chain)} was played beside another match");
        }
    }
}
