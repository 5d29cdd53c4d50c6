using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Statistics;

/// <summary>
/// Does an agent read its context like a counter? The share of RPS rounds in which it played what beats the most
/// frequent opponent move among the last <c>n</c> moves it could have seen (the rounds before this one). Rounds
/// with no visible move or a tie for most frequent are not counted: there the counter has no single answer.
/// </summary>
public static class MoveAgreement
{
    public static Proportion WithVisibleCounter(IReadOnlyList<RoundResult> rounds, int visibleMoves)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(visibleMoves);
        var moves = rounds.Select(r => r as RpsRoundResult).ToArray();
        long agreed = 0, counted = 0;
        for (var t = 0; t < moves.Length; t++)
        {
            if (moves[t] is not { } round) continue;
            var counts = new int[3];
            for (var i = Math.Max(0, t - visibleMoves); i < t; i++)
                if (moves[i] is { } seen) counts[(int)seen.OpponentMove]++;
            var most = counts.Max();
            if (most == 0 || counts.Count(c => c == most) > 1) continue;
            counted++;
            if (round.AgentMove == MoveRules.BeaterOf((Move)Array.IndexOf(counts, most))) agreed++;
        }
        return new Proportion(agreed, counted);
    }
}
