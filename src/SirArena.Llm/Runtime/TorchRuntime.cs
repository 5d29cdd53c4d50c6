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

    static readonly Lock gate = new();
    static bool prepared;

    /// <summary>Tensors alive in this process (created in managed code and not yet disposed), for leak checks.</summary>
    public static long LiveTensors => TorchSharp.torch.Tensor.TotalCount;

    /// <summary>
    /// The process-wide native settings that count only if made before libtorch loads: the C library's heap and the
    /// OpenMP workers' spin. The program makes them first thing in Main, since any verb may load libtorch before it
    /// reaches <see cref="EnsureLoaded"/>; <see cref="EnsureLoaded"/> makes them for hosts that call nothing before it.
    /// Made once; later calls do nothing. Touches nothing of TorchSharp's.
    /// </summary>
    public static void PrepareProcess()
    {
        lock (gate)
        {
            if (prepared || !OperatingSystem.IsLinux()) return;
            prepared = true;
            UnlessNotGlibc(NativeHeap.Configure);
            UnlessNotGlibc(OpenMpSpin.Configure);
        }
    }

    /// <summary>Makes a setting through glibc's own functions; another C library (musl) has nothing to set.</summary>
    static void UnlessNotGlibc(Action setting)
    {
        try
        {
            setting();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
        }
    }

    public static void EnsureLoaded()
    {
        PrepareProcess();
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
