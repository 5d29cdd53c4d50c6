using System.Diagnostics;

namespace SirArena.Training.Learning;

/// <summary>
/// Where a training step's time goes, summed over the steps since the last <see cref="Reset"/>. On the CPU every
/// TorchSharp call returns when its work is done, so a stopwatch around each phase measures that phase.
/// </summary>
public sealed class StepTimings
{
    public static readonly string[] Phases = ["batch", "forward", "loss", "backward", "clip", "optimizer"];

    readonly long[] ticks = new long[Phases.Length];

    public int Steps { get; private set; }

    public TimeSpan this[string phase] => Stopwatch.GetElapsedTime(0, ticks[Array.IndexOf(Phases, phase)]);

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, ticks.Sum());

    internal long Mark(int phase, long since)
    {
        long now = Stopwatch.GetTimestamp();
        ticks[phase] += now - since;
        return now;
    }

    internal void CountStep() => Steps++;

    public void Reset()
    {
        Array.Clear(ticks);
        Steps = 0;
    }
}
