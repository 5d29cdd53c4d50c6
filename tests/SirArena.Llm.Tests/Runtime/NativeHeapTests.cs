using System.Runtime.InteropServices;
using SirArena.Llm.Runtime;

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
}
