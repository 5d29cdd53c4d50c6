using System.Globalization;
using System.Runtime.InteropServices;

namespace SirArena.Llm.Runtime;

/// <summary>
/// How long LibTorch's OpenMP workers (GNU libgomp on Linux) spin on a core waiting for the next parallel region
/// before they sleep. libgomp reads it from the environment once, when libtorch loads it, so it is set before that
/// (<see cref="TorchRuntime.PrepareProcess"/>). A user's own GOMP_SPINCOUNT or OMP_WAIT_POLICY wins.
/// </summary>
/// <remarks>
/// libgomp's default spin, 300,000 rounds, is made for a machine the process has to itself. A round of a small model
/// is a hundred short parallel regions, and when another busy process shares the cores each region's workers spin
/// on a core the other process needs while they wait for a teammate it has taken: two `play` processes on a 2-core
/// machine each played at a sixth to an eighth of one alone. With 1,000 rounds (what libgomp itself uses once its
/// own threads outnumber the cores) each plays at about half of one alone, what sharing the cores allows, for a few
/// percent of a lone `play`'s speed (docs/benchmarks.md, "Two `play` processes on 2 cores"). The spin only decides
/// when a worker waits asleep instead of awake, never what the threads compute, so a round's bits do not change.
/// </remarks>
public static class OpenMpSpin
{
    const string SpinVariable = "GOMP_SPINCOUNT";

    /// <summary>Rounds an idle worker spins before it sleeps.</summary>
    public const int SpinCount = 1000;

    /// <summary>True once the process's environment carries <see cref="SpinCount"/> for libgomp to read.</summary>
    public static bool SpinCountSet { get; private set; }

    /// <summary>True when the process was started with a spin count or a wait policy of the user's own.</summary>
    public static bool EnvironmentSetsWaiting => Environment.GetEnvironmentVariable(SpinVariable) is not null
        || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null;

    /// <summary>Sets the spin count; <see cref="TorchRuntime.PrepareProcess"/> calls it once, on Linux.</summary>
    internal static void Configure()
    {
        // .NET keeps its own copy of the environment; libgomp reads the C library's, which only setenv changes.
        if (!EnvironmentSetsWaiting)
            SpinCountSet = setenv(SpinVariable, SpinCount.ToString(CultureInfo.InvariantCulture), 0) == 0;
    }

    /// <summary>The C library's value of an environment variable, as libgomp reads it.</summary>
    public static string? NativeValue(string variable) => Marshal.PtrToStringUTF8(getenv(variable));

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int setenv(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    static extern IntPtr getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
