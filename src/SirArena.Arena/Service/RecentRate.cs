namespace SirArena.Arena.Service;

/// <summary>
/// How fast a count rises over the recent past, from samples taken whenever someone asks: the rise since the newest
/// sample that is at least <paramref name="window"/> old (or since the first sample, while the run is younger than
/// the window). It asks nothing of the code that counts, so the round loop pays nothing for it, and it reads the same
/// whether one watcher samples every second or two watchers sample at once.
/// </summary>
public sealed class RecentRate
{
    readonly TimeSpan window;
    readonly List<(TimeSpan Time, long Count)> samples = [];

    /// <param name="window">how far back the rate looks at least</param>
    /// <param name="start">when counting began, on the clock the samples are taken by</param>
    /// <param name="count">the count then</param>
    public RecentRate(TimeSpan window, TimeSpan start, long count)
    {
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "the window must be positive");
        this.window = window;
        samples.Add((start, count));
    }

    /// <summary>Records <paramref name="count"/> at <paramref name="now"/> and returns the rate per second; 0 when no time has passed.</summary>
    public double Observe(TimeSpan now, long count)
    {
        samples.Add((now, count));
        // The oldest sample kept is the newest one at least a window back, so the rate always spans a whole window.
        while (samples.Count > 2 && now - samples[1].Time >= window) samples.RemoveAt(0);
        var (time, before) = samples[0];
        double seconds = (now - time).TotalSeconds;
        return seconds > 0 ? (count - before) / seconds : 0;
    }
}
