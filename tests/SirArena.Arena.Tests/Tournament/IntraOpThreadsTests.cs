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
    public void Side_by_side_matches_run_one_thread_each_a_bench_the_count_it_asks_and_the_setting_comes_back_after()
    {
        TorchRuntime.EnsureLoaded();
        int before = torch.get_num_threads();

        using (IntraOpThreads.ForMatches(sideBySide: 3)) torch.get_num_threads().Should().Be(1);
        torch.get_num_threads().Should().Be(before);
        using (IntraOpThreads.ForMatches(sideBySide: 1)) torch.get_num_threads().Should().Be(before, "a lone match keeps the process's threads");
        using (IntraOpThreads.Exactly(1)) torch.get_num_threads().Should().Be(1, "a benchmark asked for one");
        torch.get_num_threads().Should().Be(before);
    }

    [Fact]
    public void A_thread_that_computed_before_the_scope_opened_plays_on_the_scopes_threads_once_it_asks()
    {
        TorchRuntime.EnsureLoaded();
        using var computed = new ManualResetEventSlim();
        using var scopeOpen = new ManualResetEventSlim();
        int first = 0, beforeAsking = 0, afterAsking = 0;
        var poolThread = new Thread(() =>
        {
            // This thread's count is fixed now, as a pool thread's that ran a match before. It is read here, not on the
            // test's thread, since a test that ran before may still be putting its own setting back.
            first = torch.get_num_threads();
            computed.Set();
            scopeOpen.Wait();
            beforeAsking = torch.get_num_threads();
            IntraOpThreads.OnThisThread();
            afterAsking = torch.get_num_threads();
        });
        poolThread.Start();
        computed.Wait();
        if (first == 1)
        {
            scopeOpen.Set();
            poolThread.Join();
            return; // one core: the scope changes nothing to tell apart
        }

        using (IntraOpThreads.ForMatches(sideBySide: 2))
        {
            scopeOpen.Set();
            poolThread.Join();
        }

        beforeAsking.Should().Be(first, "libtorch keeps a thread's count from its first computation");
        afterAsking.Should().Be(1);
    }
}
