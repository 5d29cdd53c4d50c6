using SirArena.Arena.Matches;
using SirArena.Llm.Runtime;
using TorchSharp;

namespace SirArena.Arena.Tests.Tournament;

public class IntraOpThreadsTests
{
    [Fact]
    public void Side_by_side_matches_run_one_thread_each_and_the_setting_comes_back_after()
    {
        TorchRuntime.EnsureLoaded();
        int before = torch.get_num_threads();

        using (IntraOpThreads.ForMatches(sideBySide: 3)) torch.get_num_threads().Should().Be(1);
        torch.get_num_threads().Should().Be(before);
        using (IntraOpThreads.ForMatches(sideBySide: 1)) torch.get_num_threads().Should().Be(before, "a lone match keeps the process's threads");
    }
}
