using SirArena.Simulation.Loop;

namespace SirArena.Arena.Statistics;

/// <summary>
/// The win rate over a trailing window of rounds, for plotting how an agent's play evolves. Matches of one agent and
/// scenario with several seeds are averaged round by round first (they share the round index, not the draws).
/// </summary>
public static class RollingWinRate
{
    public const int DefaultWindow = 100;

    /// <summary>(round index, win rate over the <paramref name="window"/> scored rounds ending there), once a
    /// full window exists; empty for fewer rounds. Unscored rounds are left out of the window.</summary>
    public static (double[] Rounds, double[] Rates) Of(IReadOnlyList<MatchOutcome> matches, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var length = matches.Count == 0 ? 0 : matches.Max(m => m.Rounds.Count);
        var points = new List<(double Round, double Win)>();
        for (var i = 0; i < length; i++)
        {
            var scored = matches.Where(m => i < m.Rounds.Count && m.Rounds[i].Outcome != Outcome.Unscored).ToArray();
            if (scored.Length > 0) points.Add((i, scored.Average(m => m.Rounds[i].Outcome == Outcome.Win ? 1.0 : 0.0)));
        }
        var xs = new List<double>();
        var ys = new List<double>();
        double sum = 0;
        for (var j = 0; j < points.Count; j++)
        {
            sum += points[j].Win;
            if (j >= window) sum -= points[j - window].Win;
            if (j < window - 1) continue;
            xs.Add(points[j].Round);
            ys.Add(sum / window);
        }
        return (xs.ToArray(), ys.ToArray());
    }
}
