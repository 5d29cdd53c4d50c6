namespace SirArena.Arena.Statistics;

/// <summary>
/// How the paired difference of two agents' win rates (<see cref="PairedDifference"/>, A minus B) moves through a
/// scenario's matches: the rounds cut into consecutive stretches, each with its own batch-means interval, so a reader
/// sees where one memory is ahead and whether the lead is more than noise. A stretch holds few rounds, so it takes at
/// least <see cref="MinimumBlocks"/> blocks rather than the whole-match table's 20: ten blocks of 20 rounds in a
/// stretch of 200 keep each block longer than the tens of rounds an agent's memory correlates.
/// </summary>
public static class DifferenceOverRounds
{
    public const int DefaultBinWidth = 200;
    public const int MinimumBlocks = 10;

    /// <summary>One bin per <paramref name="binWidth"/> round indices of <paramref name="scenario"/>, seeds pooled;
    /// empty when A and B did not both play it.</summary>
    public static IReadOnlyList<DifferenceBin> Of(IReadOnlyList<MatchOutcome> outcomes, string agentA, string agentB, string scenario,
        int binWidth = DefaultBinWidth, int preferredBlockSize = BatchMeans.DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binWidth);
        var matches = outcomes.Where(o => o.Scenario == scenario && (o.Agent == agentA || o.Agent == agentB)).ToArray();
        var length = matches.Length == 0 ? 0 : matches.Max(m => m.Rounds.Count);
        var bins = new List<DifferenceBin>();
        for (var from = 0; from < length; from += binWidth)
        {
            var stretch = matches
                .Select(m => new MatchOutcome(m.Agent, m.Scenario, m.Seed, m.Rounds.Skip(from).Take(binWidth).ToArray()))
                .ToArray();
            var comparison = PairedDifference.Compare(stretch, agentA, agentB, [scenario], oracle: null, preferredBlockSize, minimumBlocks: MinimumBlocks);
            if (comparison is null || comparison.Rounds == 0) continue;
            bins.Add(new DifferenceBin(from, Math.Min(from + binWidth, length) - 1, comparison.Difference));
        }
        return bins;
    }
}
