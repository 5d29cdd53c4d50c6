using SirArena.Arena.Replays;
using SirArena.Cli.Tests.Support;
using TorchSharp;

namespace SirArena.Cli.Tests;

public class SoakCommandTests
{
    [Fact]
    public async Task Matches_soaked_side_by_side_play_on_one_intra_op_thread_each()
    {
        using var arena = new ArenaFolder();
        var folder = Path.Combine(arena.Path, "soak");
        int processThreads = torch.get_num_threads();

        var (code, _, error) = await CliRun.Invoke("soak", "--config", arena.Config, "--rounds", "3", "--opponent", "rock-biased", "switching",
            "--agent", "sir", "--out", folder);

        code.Should().Be(0, error);
        var chains = Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories);
        chains.Should().HaveCount(2);
        int expected = Environment.ProcessorCount > 1 ? 1 : processThreads; // two matches share the cores; one core gives no choice
        foreach (var chain in chains)
        {
            using var reader = ReplayReader.Open(chain);
            reader.Header.Threads.Should().Be(expected, $"{Path.GetFileName(chain)} was played beside another match");
        }
        torch.get_num_threads().Should().Be(processThreads, "the process's setting is put back");
    }
}
