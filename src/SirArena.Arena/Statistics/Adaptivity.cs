using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// How fast each agent adapts when the opponent changes its favourite: the win rate as a function of the rounds
/// since the last switch (read from the scenario's <see cref="ISwitchSchedule"/>), in bins of <c>binWidth</c> rounds,
/// up to a horizon (by default the shortest interval between switches, i.e. the switching player's period). A memory
/// that lets go of stale evidence climbs back sooner.
/// </summary>
public static class Adaptivity
{
    public const int DefaultBinWidth = 10;

    /// <summary>Per agent (in order of appearance), the bins from 0 to the horizon, over the matches of <paramref name="scenario"/>.</summary>
    public static IReadOnlyList<AdaptivityBin> AfterSwitches(
        IReadOnlyList<MatchOutcome> outcomes, string scenario, ISwitchSchedule schedule, int binWidth = DefaultBinWidth, int? horizon = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binWidth);
        var matches = outcomes.Where(o => o.Scenario == scenario).ToArray();
        var span = horizon ?? DefaultHorizon(matches, schedule);
        if (span is not > 0) return [];

        var bins = new List<AdaptivityBin>();
        foreach (var agent in RateTable.Agents(matches))
        {
            var binCount = (span.Value + binWidth - 1) / binWidth;
            var wins = new long[binCount];
            var trials = new long[binCount];
            foreach (var match in matches.Where(m => m.Agent == agent))
            {
                var since = SwitchPoints.RoundsSinceSwitch(match.Rounds, schedule);
                for (var i = 0; i < since.Count; i++)
                {
                    if (since[i] is not { } s || s >= span || match.Rounds[i].Outcome == Outcome.Unscored) continue;
                    trials[s / binWidth]++;
                    if (match.Rounds[i].Outcome == Outcome.Win) wins[s / binWidth]++;
                }
            }
            for (var b = 0; b < binCount; b++)
                bins.Add(new AdaptivityBin(agent, b * binWidth, Math.Min((b + 1) * binWidth, span.Value) - 1, new Proportion(wins[b], trials[b])));
        }
        return bins;
    }

    /// <summary>The shortest gap between consecutive switches in any match; with one switch only, the rounds after it.</summary>
    private static int? DefaultHorizon(IReadOnlyList<MatchOutcome> matches, ISwitchSchedule schedule)
    {
        int? shortest = null;
        foreach (var match in matches)
        {
            var switches = SwitchPoints.Find(match.Rounds, schedule);
            if (switches.Count == 0) continue;
            var gap = (int)(switches.Count > 1
                ? switches.Zip(switches.Skip(1), (a, b) => b - a).Min()
                : match.Rounds[^1].Turn.Round + 1 - switches[0]);
            shortest = shortest is null ? gap : Math.Min(shortest.Value, gap);
        }
        return shortest;
    }
}
