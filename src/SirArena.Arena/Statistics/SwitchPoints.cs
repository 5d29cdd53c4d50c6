using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Where an opponent changed its favourite move, as its scenario's definition states it (<see cref="ISwitchSchedule"/>),
/// so a renamed or second switching scenario is measured like the shipped `switching`.
/// </summary>
public static class SwitchPoints
{
    /// <summary>Per scenario among <paramref name="names"/> whose opponent switches on a schedule, that schedule, in the order given.</summary>
    public static IReadOnlyDictionary<string, ISwitchSchedule> Schedules(ScenarioCatalog catalog, IEnumerable<string> names) =>
        ScenarioStrategies.Of<ISwitchSchedule>(catalog, names);

    /// <summary>The switch rounds within a match of <paramref name="rounds"/> (its last round's index plus one).</summary>
    public static IReadOnlyList<long> Find(IReadOnlyList<RoundResult> rounds, ISwitchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(schedule);
        return rounds.Count == 0 ? [] : schedule.SwitchesBefore(rounds[^1].Turn.Round + 1).ToArray();
    }

    /// <summary>
    /// For each round, how many rounds have passed since the latest switch at or before it (0 in the switch round
    /// itself); null before the first switch, where the agent is learning from scratch rather than adapting.
    /// </summary>
    public static IReadOnlyList<int?> RoundsSinceSwitch(IReadOnlyList<RoundResult> rounds, ISwitchSchedule schedule)
    {
        var switches = Find(rounds, schedule);
        var since = new int?[rounds.Count];
        var next = 0;
        long? last = null;
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i].Turn.Round;
            while (next < switches.Count && switches[next] <= round) last = switches[next++];
            since[i] = (int?)(round - last);
        }
        return since;
    }
}
