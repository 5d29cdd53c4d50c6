using System.Diagnostics;

namespace SirArena.Llm.Inference;

/// <summary>
/// Where a session's time goes: the memory policy's own bookkeeping (selection, ledger and cache compaction with
/// key re-rotation, decay) against the decoder's forward passes. Cheap enough to be always on; benchmarks read it.
/// </summary>
public sealed class SessionTimings
{
    long memoryTicks, decodeTicks;

    public TimeSpan Memory => Stopwatch.GetElapsedTime(0, memoryTicks);
    public TimeSpan Decode => Stopwatch.GetElapsedTime(0, decodeTicks);

    internal void AddMemory(long since) => memoryTicks += Stopwatch.GetTimestamp() - since;
    internal void AddDecode(long since) => decodeTicks += Stopwatch.GetTimestamp() - since;

    public void Reset() => memoryTicks = decodeTicks = 0;
}
