using SirArena.Arena.Replays;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

public class PlayThreadsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Play_with_threads_plays_on_that_many_and_its_replay_records_them(int threads)
    {
        using var arena = new ArenaFolder();
        var folder = Path.Combine(arena.Path, "played");
        // A process of its own: the thread count is process-wide, and the test host runs other classes' matches meanwhile.
        using var play = new SirarenaProcess("play", "--config", arena.Config, "--rounds", "3", "--budget", "160",
            "--threads", threads.ToString(), "--out", folder);

        (await play.ExitCode()).Should().Be(0, play.Error);
        using var reader = ReplayReader.Open(Directory.GetFiles(folder, "*.jsonl").Should().ContainSingle().Subject);
        reader.Header.Threads.Should().Be(threads);
    }
}
