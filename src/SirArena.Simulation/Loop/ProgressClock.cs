namespace SirArena.Simulation.Loop;

/// <summary>How long a long piece of work (an arena's rounds, a training run's steps) has run and has left, as the
/// progress lines print it.</summary>
public static class ProgressClock
{
    /// <summary>"hh:mm:ss" with the hours counted past a day ("27:03:10"), since an arena or a soak may run for days.</summary>
    public static string Format(TimeSpan time) => $"{(long)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}";

    /// <summary>The time <paramref name="toCome"/> more units take at the pace of the <paramref name="done"/> units
    /// that took <paramref name="elapsed"/>; null while nothing is done or nothing is left.</summary>
    public static TimeSpan? Left(TimeSpan elapsed, long done, long toCome) =>
        done > 0 && toCome > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds / done * toCome) : null;
}
