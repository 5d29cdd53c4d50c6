using System.Runtime.InteropServices;
using TorchSharp;

namespace SirArena.Llm.Runtime;

/// <summary>
/// Loads TorchSharp's native backend up front, so that a machine where it cannot load gets one clear sentence
/// with the loader's own reason instead of TorchSharp's misleading "doesn't contain a reference to libtorch".
/// </summary>
public static class TorchRuntime
{
    const string Glue = "libLibTorchSharp.so";

    /// <summary>Tensors alive in this process (created in managed code and not yet disposed), for leak checks.</summary>
    public static long LiveTensors => TorchSharp.torch.Tensor.TotalCount;

    public static void EnsureLoaded()
    {
        GiveThreadsTheirOwnMallocArenas();
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            throw new TorchUnavailableException($"TorchSharp could not load its native library: {LoaderReason() ?? e.Message}. " +
                "On Debian 12 the build output must carry the patched copy (run `dotnet build` again); otherwise install libstdc++ from GCC 13 or newer.", e);
        }
    }

    /// <summary>
    /// glibc gives a process at most 8 malloc arenas a core and hands any later thread an arena another thread
    /// already uses. The .NET runtime starts more threads than that before libtorch starts its workers, so on a
    /// 2-core machine two compute threads could end up sharing one arena and contend for its lock on every
    /// allocation: a training step then took twice as long, at random from one start to the next
    /// (docs/benchmarks.md, "The trainer in bfloat16"). A higher limit, set before libtorch loads, gives each new
    /// thread its own arena. A limit the user sets through the environment wins.
    /// </summary>
    static void GiveThreadsTheirOwnMallocArenas()
    {
        if (ArenaLimitSet || !OperatingSystem.IsLinux() || EnvironmentSetsArenaLimit) return;
        try
        {
            ArenaLimitSet = mallopt(MallocArenaMax, ArenaLimit) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no arenas to share): nothing to set.
        }
    }

    const int MallocArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h
    public const int ArenaLimit = 64;

    /// <summary>True when the process was started with a malloc arena limit of the user's own.</summary>
    public static bool EnvironmentSetsArenaLimit => Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null
        || Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("arena_max") == true;

    /// <summary>True once glibc has accepted <see cref="ArenaLimit"/> (mallopt returns 1 on success).</summary>
    public static bool ArenaLimitSet { get; private set; }

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int mallopt(int parameter, int value);

    /// <summary>What the dynamic loader says about the native glue library, if it can be found and fails to load.</summary>
    static string? LoaderReason()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var candidates = Directory.EnumerateFiles(AppContext.BaseDirectory, Glue, SearchOption.AllDirectories);
        foreach (var path in candidates)
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
            }
            catch (DllNotFoundException e)
            {
                return e.Message;
            }
        }
        return null;
    }
}

public sealed class TorchUnavailableException(string message, Exception inner) : Exception(message, inner);
