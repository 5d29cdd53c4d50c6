using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// The grocery task per agent, over all grocery matches given (every seed and scenario pooled): recall and
/// unrelated-question accuracy, and recall by the distance between request and recall. Intervals are Wilson's.
/// </summary>
public static class GroceryRecall
{
    public const int DefaultBinWidth = 5;

    /// <summary>The grocery matches among <paramref name="outcomes"/>.</summary>
    public static MatchOutcome[] Matches(IEnumerable<MatchOutcome> outcomes) =>
        outcomes.Where(o => o.Rounds.Any(r => r is GroceryRoundResult)).ToArray();

    public static IReadOnlyList<GroceryScores> Scores(IReadOnlyList<MatchOutcome> outcomes) =>
        Tallies(outcomes).Select(t => new GroceryScores(t.Agent, t.Tally.Recall, t.Tally.Unrelated)).ToArray();

    /// <summary>Per agent, one row per non-empty bin of <paramref name="binWidth"/> distances, shortest first.</summary>
    public static IReadOnlyList<RecallBin> ByDistance(IReadOnlyList<MatchOutcome> outcomes, int binWidth = DefaultBinWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binWidth);
        return Tallies(outcomes)
            .SelectMany(t => t.Tally.RecallByDistance
                .GroupBy(pair => pair.Key / binWidth)
                .OrderBy(bin => bin.Key)
                .Select(bin => new RecallBin(
                    t.Agent,
                    bin.Key * binWidth,
                    bin.Key * binWidth + binWidth - 1,
                    new Proportion(bin.Sum(p => p.Value.Successes), bin.Sum(p => p.Value.Trials)))))
            .ToArray();
    }

    /// <summary>
    /// Per agent, recall on the recalls whose request was still in the reference agent's memory and on those whose
    /// request it had lost; <paramref name="referenceHeld"/> gives, per scenario and seed, recall round to held (from
    /// <see cref="Replays.RequestMemory"/>). Recalls it does not cover are left out.
    /// </summary>
    public static IReadOnlyList<RecallByWindow> ByWindow(IReadOnlyList<MatchOutcome> outcomes,
        IReadOnlyDictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>> referenceHeld)
    {
        ArgumentNullException.ThrowIfNull(referenceHeld);
        var grocery = Matches(outcomes);
        return RateTable.Agents(grocery).Select(agent =>
        {
            long inWindow = 0, inWindowRight = 0, beyond = 0, beyondRight = 0;
            foreach (var outcome in grocery.Where(o => o.Agent == agent))
            {
                if (!referenceHeld.TryGetValue((outcome.Scenario, outcome.Seed), out var held)) continue;
                foreach (var recall in outcome.Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall))
                {
                    if (!held.TryGetValue(recall.Turn.Round, out var isHeld)) continue;
                    int right = recall.IsCorrect ? 1 : 0;
                    if (isHeld) { inWindow++; inWindowRight += right; }
                    else { beyond++; beyondRight += right; }
                }
            }
            return new RecallByWindow(agent, new Proportion(inWindowRight, inWindow), new Proportion(beyondRight, beyond));
        }).Where(r => r.InWindow.Trials + r.Beyond.Trials > 0).ToArray();
    }

    /// <summary>
    /// Where the reference agent's memory stopped holding requests, by distance, over the recalls
    /// <paramref name="referenceHeld"/> covers (every agent of a scenario and seed meets the same recalls, so one
    /// match per scenario and seed is read); null when it covers none.
    /// </summary>
    public static WindowEdge? Edge(IReadOnlyList<MatchOutcome> outcomes,
        IReadOnlyDictionary<(string Scenario, ulong Seed), IReadOnlyDictionary<long, bool>> referenceHeld)
    {
        ArgumentNullException.ThrowIfNull(referenceHeld);
        int? longestHeld = null, shortestLost = null;
        foreach (var outcome in Matches(outcomes).DistinctBy(o => (o.Scenario, o.Seed)))
        {
            if (!referenceHeld.TryGetValue((outcome.Scenario, outcome.Seed), out var held)) continue;
            foreach (var recall in outcome.Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall))
            {
                if (!held.TryGetValue(recall.Turn.Round, out var isHeld)) continue;
                if (isHeld) longestHeld = Math.Max(longestHeld ?? int.MinValue, recall.Distance);
                else shortestLost = Math.Min(shortestLost ?? int.MaxValue, recall.Distance);
            }
        }
        return longestHeld is null && shortestLost is null ? null : new WindowEdge(longestHeld, shortestLost);
    }

    private static IReadOnlyList<(string Agent, GroceryTally Tally)> Tallies(IReadOnlyList<MatchOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var grocery = Matches(outcomes);
        return RateTable.Agents(grocery).Select(agent =>
        {
            var tally = new GroceryTally();
            foreach (var round in grocery.Where(o => o.Agent == agent).SelectMany(o => o.Rounds).OfType<GroceryRoundResult>())
                tally.Add(round);
            return (agent, tally);
        }).ToArray();
    }
}
