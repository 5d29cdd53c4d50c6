using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Every policy at every budget on the three things the arena measures, each against the baseline policy at the
/// same budget on the same opponent draws:
/// - the win rate pooled over a pool of stable players (batch means, as the paired differences);
/// - the win rate in the first <see cref="AfterSwitchRounds"/> rounds after each switch of every switching player,
///   where each switch is one unit of the interval (the rounds after one switch hang together through memory);
/// - per grocery scenario, recall on the recalls whose request the baseline had already lost, each recall a unit.
/// </summary>
public static class Leaderboard
{
    public const int AfterSwitchRounds = 50;

    /// <param name="pool">the stable players' scenarios</param>
    /// <param name="switching">each switching scenario's schedule</param>
    /// <param name="baselineHeld">per baseline agent, per grocery scenario and seed, whether it still held each recall's request</param>
    public static IReadOnlyList<LeaderboardRow> Rank(IReadOnlyList<MatchOutcome> outcomes, IReadOnlyList<LeaderboardEntry> entries,
        IReadOnlyCollection<string> pool, IReadOnlyDictionary<string, ISwitchSchedule> switching,
        IReadOnlyDictionary<string, Dictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>>> baselineHeld, int blockSize)
    {
        var grocery = RateTable.Scenarios(GroceryRecall.Matches(outcomes));
        return entries.Select(entry =>
        {
            var pooled = pool.Count == 0 ? null : PairedDifference.Compare(outcomes, entry.Agent, entry.Baseline, pool, preferredBlockSize: blockSize);
            var (afterSwitches, afterDifference) = AfterSwitches(outcomes, entry, switching);
            var held = baselineHeld.GetValueOrDefault(entry.Baseline) ?? [];
            var recall = grocery.Select(scenario => Beyond(outcomes, entry, scenario, held)).Where(g => g.Beyond.Trials > 0).ToArray();
            return new LeaderboardRow(entry, pooled, afterSwitches, afterDifference, recall);
        }).ToArray();
    }

    static (Proportion Rate, MeanInterval Difference) AfterSwitches(IReadOnlyList<MatchOutcome> outcomes, LeaderboardEntry entry,
        IReadOnlyDictionary<string, ISwitchSchedule> switching)
    {
        long wins = 0, trials = 0;
        var episodes = new List<double>();
        foreach (var (a, b) in Pairs(outcomes, entry, switching.Keys))
        {
            var since = SwitchPoints.RoundsSinceSwitch(a.Rounds, switching[a.Scenario]);
            double sum = 0;
            int count = 0;
            long episode = -1; // the round of the switch the rounds being summed follow
            for (int i = 0; i < Math.Min(a.Rounds.Count, b.Rounds.Count); i++)
            {
                if (since[i] is not { } s || s >= AfterSwitchRounds || Unscored(a.Rounds[i]) || Unscored(b.Rounds[i])) continue;
                if (a.Rounds[i].Turn.Round - s != episode && count > 0) Close();
                episode = a.Rounds[i].Turn.Round - s;
                double win = MatchOutcome.Win(a.Rounds[i]);
                wins += (long)win;
                trials++;
                sum += win - MatchOutcome.Win(b.Rounds[i]);
                count++;
            }
            if (count > 0) Close();

            void Close()
            {
                episodes.Add(sum / count);
                (sum, count) = (0, 0);
            }
        }
        return (new Proportion(wins, trials), BatchMeans.Interval(episodes));
    }

    static (string Scenario, Proportion Beyond, MeanInterval Difference) Beyond(IReadOnlyList<MatchOutcome> outcomes, LeaderboardEntry entry,
        string scenario, IReadOnlyDictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>> held)
    {
        long right = 0;
        var differences = new List<double>();
        foreach (var (a, b) in Pairs(outcomes, entry, [scenario]))
        {
            if (!held.TryGetValue((a.Scenario, a.Seed), out var baselineHeld)) continue;
            var baseline = b.Rounds.OfType<GroceryRoundResult>().ToDictionary(r => r.Turn.Round);
            foreach (var recall in a.Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall))
            {
                if (!baselineHeld.TryGetValue(recall.Turn.Round, out bool isHeld) || isHeld) continue;
                if (!baseline.TryGetValue(recall.Turn.Round, out var other)) continue;
                right += recall.IsCorrect ? 1 : 0;
                differences.Add((recall.IsCorrect ? 1 : 0) - (other.IsCorrect ? 1 : 0));
            }
        }
        return (scenario, new Proportion(right, differences.Count), BatchMeans.Interval(differences));
    }

    /// <summary>The agent's matches of <paramref name="scenarios"/> with the baseline's match on the same draws.</summary>
    static IEnumerable<(MatchOutcome A, MatchOutcome B)> Pairs(IReadOnlyList<MatchOutcome> outcomes, LeaderboardEntry entry, IEnumerable<string> scenarios)
    {
        var wanted = scenarios.ToHashSet();
        foreach (var a in outcomes.Where(o => o.Agent == entry.Agent && wanted.Contains(o.Scenario)))
            if (a.SameDraws(outcomes, entry.Baseline) is { } b)
                yield return (a, b);
    }

    static bool Unscored(RoundResult round) => round.Outcome == Outcome.Unscored;
}
