using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Training.Corpus;

/// <summary>
/// The opponent's next move when the visible rounds show a rule that predicts it: a cycle of period 1-6 in the
/// opponent's own moves, or a reply to the agent's previous answer (beat it, copy it, lose to it). Only the trailing
/// run of consecutive rounds counts, since a memory policy that thins the past breaks the order a rule is read from.
/// A rule must hold over two full periods and at least <see cref="Confirmations"/> times, so that a biased random
/// player rarely passes for one (a period-2 fit of four random moves with a 50% favourite is about one in sixteen;
/// four confirmations bring the chance of any such fit near 2%).
/// </summary>
public static class SequenceEvidence
{
    public const int LongestPeriod = 6;
    public const int Confirmations = 4;

    static readonly Func<Move, Move>[] Replies = [MoveRules.BeaterOf, m => m, MoveRules.LoserTo];

    /// <summary>The predicted move of the round whose prompt ends <paramref name="visible"/>; null when no rule shows.</summary>
    public static Move? PredictedMove(IReadOnlyList<StreamToken> visible)
    {
        if (visible.Count == 0) return null;
        int current = visible[^1].Round;
        var opponent = new Dictionary<int, Move>();
        var agent = new Dictionary<int, Move>();
        foreach (var token in visible)
        {
            // A prompt reports the move the opponent played in the round before it.
            if (token.Role == TokenRole.OpponentMove) opponent[token.Round - 1] = (Move)token.Tag;
            else if (token.Role == TokenRole.Answer && token.Tag is >= 0 and < 3) agent[token.Round] = (Move)token.Tag;
        }
        int run = 0;
        while (opponent.ContainsKey(current - 1 - run)) run++;
        Move O(int round) => opponent[round];

        for (int period = 1; period <= LongestPeriod; period++)
        {
            int needed = Math.Max(2 * period, period + Confirmations);
            if (run < needed) break;
            bool holds = true;
            for (int r = current - 1; r >= current - needed + period && holds; r--) holds = O(r) == O(r - period);
            if (holds) return O(current - period);
        }
        if (!agent.TryGetValue(current - 1, out var lastAnswer)) return null;
        foreach (var reply in Replies)
        {
            int confirmed = 0;
            for (int r = current - 1; opponent.ContainsKey(r) && agent.TryGetValue(r - 1, out var answer) && O(r) == reply(answer); r--) confirmed++;
            if (confirmed >= Confirmations + 1) return reply(lastAnswer);
        }
        return null;
    }
}
