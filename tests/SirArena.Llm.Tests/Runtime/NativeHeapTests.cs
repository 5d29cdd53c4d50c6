using System.Runtime.InteropServices;
using SirArena.Llm.Runtime;
using TorchSharp;

namespace SirArena.Llm.Tests.Runtime;

public class NativeHeapTests
{
    static bool Glibc => OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl");

    [Fact]
    public void Loading_torch_on_glibc_raises_the_malloc_arena_limit_unless_the_environment_sets_one()
    {
        TorchRuntime.EnsureLoaded();

        NativeHeap.ArenaLimitSet.Should().Be(Glibc && !NativeHeap.EnvironmentSetsArenaLimit);
    }

    [Fact]
    public void Loading_torch_on_glibc_keeps_freed_memory_in_the_heap_unless_the_environment_sets_the_thresholds()
    {
        TorchRuntime.EnsureLoaded();

        NativeHeap.FreedMemoryKept.Should().Be(Glibc && !NativeHeap.EnvironmentSetsThresholds);
    }

    [Fact]
    public void Tensors_allocated_again_after_being_freed_reuse_their_pages_without_page_faults()
    {
        TorchRuntime.EnsureLoaded();
        if (!NativeHeap.FreedMemoryKept) return; // the environment's or the platform's own settings: nothing to assert

        // Sixteen 1 MB tensors a step, freed together at its end as a forward pass's temporaries are: with glibc's
        // defaults the heap hands its freed top back to the kernel, and the next step touches fresh pages again.
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            for (int i = 0; i < 16; i++) torch.ones(256 * 1024);
        }
        for (int i = 0; i < 3; i++) Step(); // the heap grows to its peak
        long before = MinorFaultsOfThisThread();
        for (int i = 0; i < 20; i++) Step();
        long faults = MinorFaultsOfThisThread() - before;

        faults.Should().BeLessThan(256, "pages freed by one step are reused by the next (with glibc's defaults 20 steps take about 7,700 faults)");
    }

    /// <summary>Field 10 of /proc/thread-self/stat: page faults served without reading from disk.</summary>
    static long MinorFaultsOfThisThread()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the command name in parentheses may hold spaces
        return long.Parse(fields[7]);
    }
}
