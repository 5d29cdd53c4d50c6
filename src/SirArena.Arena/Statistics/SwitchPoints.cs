using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Where an opponent changed its favourite move: the rounds whose true distribution (read from the turn's
/// <see cref="RpsTruth"/>, never from the moves played) has a different likeliest move than the round before.
/// For the `switching` player these are the multiples of its period.
/// </summary>
public static class SwitchPoints
{
    /// <summary>Indices into <paramref name="rounds"/> where the favourite changed; rounds without RPS truth are skipped.</summary>
    public static IReadOnlyList<int> Find(IReadOnlyList<RoundResult> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var switches = new List<int>();
        Move? previous = null;
        for (var i = 0; i < rounds.Count; i++)
        {
            if (rounds[i].Turn.Truth is not RpsTruth truth) continue;
            var favourite = truth.OpponentDistribution.MostLikely;
            if (previous is { } before && before != favourite) switches.Add(i);
            previous = favourite;
        }
        return switches;
    }

    /// <summary>
    /// For each round, how many rounds have passed since the latest switch at or before it (0 in the switch round
    /// itself); null before the first switch, where the agent is learning from scratch rather than adapting.
    /// </summary>
    public static IReadOnlyList<int?> RoundsSinceSwitch(IReadOnlyList<RoundResult> rounds)
    {
        var switches = Find(rounds);
        var since = new int?[rounds.Count];
        var next = 0;
        int? last = null;
        for (var i = 0; i < rounds.Count; i++)
        {
            if (next < switches.Count && switches[next] == i) last = switches[next++];
            since[i] = i - last;
        }
        return since;
    }
}
