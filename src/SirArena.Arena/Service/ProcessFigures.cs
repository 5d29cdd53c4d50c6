using System.Diagnostics;
using SirArena.Llm.Runtime;

namespace SirArena.Arena.Service;

/// <summary>The memory a long run watches: the process's resident set, the managed heap and the live native tensors.</summary>
public sealed record ProcessFigures(double RssMb, double ManagedHeapMb, long LiveTensors)
{
    public static ProcessFigures Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessFigures(process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, TorchRuntime.LiveTensors);
    }
}
