using SirArena.Simulation.Loop;

namespace SirArena.Arena.Statistics;

/// <summary>
/// The paired difference of two agents' win rates. Both met the same opponent draws (same scenario, same seed), so
/// per round d_t = win_A,t - win_B,t removes the opponent's luck; the rounds of one agent are serially correlated
/// through its memory, so the interval comes from batch means of d_t (<see cref="BatchMeans"/>) rather than from
/// treating rounds as independent. Several scenarios and seeds are pooled by concatenating their blocks (blocks
/// never straddle two matches).
/// </summary>
public static class PairedDifference
{
    /// <summary>
    /// A minus B over the (scenario, seed) pairs both played among <paramref name="scenarios"/>; null when there are
    /// none. Rounds pair by index up to the shorter match; only rounds both scored count. Blocks are
    /// <paramref name="preferredBlockSize"/> rounds long unless that leaves fewer than <paramref name="minimumBlocks"/>.
    /// </summary>
    public static PairedComparison? Compare(
        IReadOnlyList<MatchOutcome> outcomes,
        string agentA,
        string agentB,
        IReadOnlyCollection<string> scenarios,
        string? oracle = null,
        int preferredBlockSize = BatchMeans.DefaultBlockSize,
        double confidence = 0.95,
        int minimumBlocks = BatchMeans.MinimumBlocks)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(scenarios);
        var series = PairedSeries(outcomes, agentA, agentB, oracle, scenarios);
        if (series.Count == 0) return null;

        var blockSize = BatchMeans.BlockSize(series.Sum(s => (long)s.A.Count), preferredBlockSize, minimumBlocks);
        List<double> blockMeans = [], gapBlockMeans = [];
        double winsA = 0, winsB = 0, winsOracle = 0;
        long used = 0;
        var oracleEverywhere = series.All(s => s.Oracle is not null);
        foreach (var (_, a, b, o) in series)
        {
            var differences = a.Select((win, i) => win - b[i]).ToArray();
            blockMeans.AddRange(BatchMeans.BlockMeans(differences, blockSize));
            var n = differences.Length / blockSize * blockSize;
            used += n;
            winsA += a.Take(n).Sum();
            winsB += b.Take(n).Sum();
            if (!oracleEverywhere || o is null) continue;
            winsOracle += o.Take(n).Sum();
            gapBlockMeans.AddRange(BatchMeans.BlockMeans(o.Select((win, i) => win - b[i]).ToArray(), blockSize));
        }

        var pooled = series.Select(s => s.Scenario).Distinct().ToArray();
        return new PairedComparison(
            agentA, agentB, pooled, used, blockSize,
            BatchMeans.Interval(blockMeans, confidence),
            used == 0 ? double.NaN : winsA / used,
            used == 0 ? double.NaN : winsB / used,
            oracleEverywhere && used > 0 ? winsOracle / used : null,
            oracleEverywhere ? BatchMeans.RatioInterval(blockMeans, gapBlockMeans, confidence) : null);
    }

    private static List<(string Scenario, List<double> A, List<double> B, List<double>? Oracle)> PairedSeries(
        IReadOnlyList<MatchOutcome> outcomes, string agentA, string agentB, string? oracle, IReadOnlyCollection<string> scenarios)
    {
        var result = new List<(string, List<double>, List<double>, List<double>?)>();
        foreach (var matchA in outcomes.Where(o => o.Agent == agentA && scenarios.Contains(o.Scenario)))
        {
            if (matchA.SameDraws(outcomes, agentB) is not { } matchB) continue;
            var matchOracle = oracle is null ? null : matchA.SameDraws(outcomes, oracle);
            var length = Math.Min(matchA.Rounds.Count, matchB.Rounds.Count);
            if (matchOracle is not null) length = Math.Min(length, matchOracle.Rounds.Count);
            List<double> a = [], b = [];
            var o = matchOracle is null ? null : new List<double>();
            for (var i = 0; i < length; i++)
            {
                if (matchA.Rounds[i].Outcome == Outcome.Unscored || matchB.Rounds[i].Outcome == Outcome.Unscored) continue;
                a.Add(MatchOutcome.Win(matchA.Rounds[i]));
                b.Add(MatchOutcome.Win(matchB.Rounds[i]));
                o?.Add(MatchOutcome.Win(matchOracle!.Rounds[i]));
            }
            result.Add((matchA.Scenario, a, b, o));
        }
        return result;
    }
}
