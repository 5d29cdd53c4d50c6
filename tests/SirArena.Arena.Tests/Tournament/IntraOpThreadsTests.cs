using SirArena.Arena.Matches;
using SirArena.Llm.Runtime;
using TorchSharp;

namespace SirArena.Arena.Tests.Tournament;

/// <summary>Alone, after every parallel test: the process's thread count is global, and an arena test's match scope
/// that sets it while a thread here takes its first count would decide what that thread keeps.</summary>
[CollectionDefinition(nameof(IntraOpThreadsTests), DisableParallelization = true)]
public sealed class IntraOpThreadsCollection;

[Collection(nameof(IntraOpThreadsTests))]
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

    [Fact]
    public void A_thread_that_computed_before_the_scope_opened_plays_on_the_scopes_threads_once_it_asks()
    {
        TorchRuntime.EnsureLoaded();
        int before = torch.get_num_threads();
        if (before == 1) return; // one core: the scope changes nothing to tell apart
        using var computed = new ManualResetEventSlim();
        using var scopeOpen = new ManualResetEventSlim();
        int beforeAsking = 0, afterAsking = 0;
        var poolThread = new Thread(() =>
        {
            _ = torch.get_num_threads(); // this thread's count is fixed now, as a pool thread's that ran a match before
            computed.Set();
            scopeOpen.Wait();
            beforeAsking = torch.get_num_threads();
            IntraOpThreads.OnThisThread();
            afterAsking = torch.get_num_threads();
        });
        poolThread.Start();
        computed.Wait();

        using (IntraOpThreads.ForMatches(sideBySide: 2))
        {
            scopeOpen.Set();
            poolThread.Join();
        }

        beforeAsking.Should().Be(before, "libtorch keeps a thread's count from its first computation");
        afterAsking.Should().Be(1);
    }
}
