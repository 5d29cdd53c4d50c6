using System.Runtime.InteropServices;

namespace SirArena.Llm.Runtime;

/// <summary>
/// glibc malloc settings for a process whose tensors live on the native heap, made once, before anything loads
/// libtorch (<see cref="TorchRuntime.PrepareProcess"/>).
/// A setting the user makes through the environment (MALLOC_*_ variables or GLIBC_TUNABLES) wins over each of them.
/// Not glibc (musl, macOS, Windows): nothing to set.
/// </summary>
public static class NativeHeap
{
    const int TrimThreshold = -1; // M_TRIM_THRESHOLD in glibc's malloc.h
    const int MmapThreshold = -3; // M_MMAP_THRESHOLD
    const int MallocArenaMax = -8; // M_ARENA_MAX

    /// <summary>Malloc arenas the process may have; room for every thread to have its own.</summary>
    public const int ArenaLimit = 64;

    /// <summary>Blocks from this size up come from mmap and go back to the kernel when freed: glibc's largest
    /// threshold on 64 bits, above any one tensor of a round.</summary>
    public const int MmapThresholdBytes = 32 << 20;

    /// <summary>Free memory the heap keeps at its top instead of handing it back to the kernel.</summary>
    public const int TrimThresholdBytes = 1 << 30;

    /// <summary>True once glibc has accepted <see cref="ArenaLimit"/> (mallopt returns 1 on success).</summary>
    public static bool ArenaLimitSet { get; private set; }

    /// <summary>True once glibc has accepted both thresholds of <see cref="KeepFreedMemory"/>.</summary>
    public static bool FreedMemoryKept { get; private set; }

    /// <summary>True when the process was started with a malloc arena limit of the user's own.</summary>
    public static bool EnvironmentSetsArenaLimit => EnvironmentSets("MALLOC_ARENA_MAX", "arena_max");

    /// <summary>True when the process was started with either threshold of the user's own.</summary>
    public static bool EnvironmentSetsThresholds => EnvironmentSets("MALLOC_MMAP_THRESHOLD_", "mmap_threshold")
        || EnvironmentSets("MALLOC_TRIM_THRESHOLD_", "trim_threshold");

    /// <summary>Makes the settings; <see cref="TorchRuntime.PrepareProcess"/> calls it once, on Linux.</summary>
    internal static void Configure()
    {
        GiveThreadsTheirOwnArenas();
        KeepFreedMemory();
    }

    /// <summary>
    /// glibc gives a process at most 8 malloc arenas a core and hands any later thread an arena another thread
    /// already uses. The .NET runtime starts more threads than that before libtorch starts its workers, so on a
    /// 2-core machine two compute threads could end up sharing one arena and contend for its lock on every
    /// allocation: a training step then took twice as long, at random from one start to the next
    /// (docs/benchmarks.md, "The trainer in bfloat16"). A higher limit gives each new thread its own arena.
    /// </summary>
    static void GiveThreadsTheirOwnArenas()
    {
        if (!EnvironmentSetsArenaLimit) ArenaLimitSet = mallopt(MallocArenaMax, ArenaLimit) == 1;
    }

    /// <summary>
    /// A forward pass allocates and frees megabytes of temporaries layer by layer. With glibc's defaults the larger
    /// ones come from mmap and the heap hands its freed top back to the kernel, so the next pass touches fresh pages
    /// and takes a page fault for each. Every fault takes the process's one memory-map lock, so two matches side by
    /// side waited on each other's faults and together played hardly faster than one (docs/benchmarks.md, "Freed
    /// memory kept in the heap"). Kept in the heap, the pages are reused; the process holds on to its peak of
    /// temporaries, which a round bounds.
    /// </summary>
    static void KeepFreedMemory()
    {
        if (EnvironmentSetsThresholds) return;
        FreedMemoryKept = (mallopt(MmapThreshold, MmapThresholdBytes) & mallopt(TrimThreshold, TrimThresholdBytes)) == 1;
    }

    static bool EnvironmentSets(string variable, string tunable) => Environment.GetEnvironmentVariable(variable) is not null
        || Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains(tunable) == true;

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int mallopt(int parameter, int value);
}
