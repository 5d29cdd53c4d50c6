using SirArena.Simulation.Loop;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Win, tie and loss rates over the scored rounds of one or more matches, each with its Wilson (1927) interval.
/// The interval treats rounds as independent; where an agent's memory makes neighbouring rounds alike it is somewhat
/// too narrow, which is why comparisons between agents use <see cref="PairedDifference"/> (batch means) instead.
/// </summary>
public sealed record OutcomeRates(Proportion Wins, Proportion Ties, Proportion Losses)
{
    /// <summary>Rounds that count (wins + ties + losses).</summary>
    public long Scored => Wins.Trials;

    public static OutcomeRates Of(IEnumerable<RoundResult> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var tally = new MatchTally();
        foreach (var round in rounds) tally.Add(round.Outcome);
        return new OutcomeRates(tally.WinRate, tally.TieRate, tally.LossRate);
    }
}
