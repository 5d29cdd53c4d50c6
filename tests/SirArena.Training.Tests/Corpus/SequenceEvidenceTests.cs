using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Training.Corpus;
using M = SirArena.Simulation.Games.RockPaperScissors.Move;

namespace SirArena.Training.Tests.Corpus;

public class SequenceEvidenceTests
{
    /// <summary>Tokens of rounds 0..n: round r's prompt reports the opponent's move of round r - 1, then the agent's answer.
    /// <paramref name="skip"/> rounds are left out whole, as a thinning policy would; the last round has only its prompt.</summary>
    static List<StreamToken> Visible(IReadOnlyList<M> opponent, IReadOnlyList<M>? agent = null, params int[] skip)
    {
        var tokens = new List<StreamToken>();
        for (int round = 0; round <= opponent.Count; round++)
        {
            if (skip.Contains(round)) continue;
            tokens.Add(new StreamToken(1, 0, TokenRole.Template, -1, round));
            if (round > 0) tokens.Add(new StreamToken(2, 0, TokenRole.OpponentMove, (int)opponent[round - 1], round));
            if (round < opponent.Count && agent is not null) tokens.Add(new StreamToken(3, 0, TokenRole.Answer, (int)agent[round], round));
        }
        return tokens;
    }

    static M[] Cycle(int rounds, params M[] period) => Enumerable.Range(0, rounds).Select(i => period[i % period.Length]).ToArray();

    [Theory]
    [InlineData(2, 6)]
    [InlineData(3, 7)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(6, 12)]
    public void A_cycle_seen_over_two_periods_and_four_confirmations_predicts_the_next_move(int period, int needed)
    {
        var sequence = new[] { M.Paper, M.Rock, M.Scissors, M.Scissors, M.Rock, M.Paper }[..period];
        var moves = Cycle(needed, sequence);

        SequenceEvidence.PredictedMove(Visible(moves)).Should().Be(sequence[needed % period]);
        SequenceEvidence.PredictedMove(Visible(moves[1..])).Should().BeNull("one move less is not enough evidence for this period");
    }

    [Fact]
    public void A_gap_left_by_a_thinning_policy_breaks_the_run()
    {
        var moves = Cycle(12, M.Rock, M.Paper, M.Scissors, M.Paper);

        SequenceEvidence.PredictedMove(Visible(moves, null, skip: 8)).Should().BeNull("only the 4 rounds after the gap are consecutive");
    }

    [Fact]
    public void A_reply_to_the_agents_previous_answer_is_read_from_the_answers()
    {
        M[] agent = [M.Rock, M.Rock, M.Paper, M.Scissors, M.Paper, M.Rock, M.Scissors, M.Scissors, M.Paper];
        var opponent = new M[agent.Length];
        opponent[0] = M.Paper;
        for (int r = 1; r < agent.Length; r++) opponent[r] = MoveRules.BeaterOf(agent[r - 1]);

        SequenceEvidence.PredictedMove(Visible(opponent, agent)).Should().Be(MoveRules.BeaterOf(agent[^1]));
    }

    [Fact]
    public void A_biased_random_player_rarely_passes_for_a_rule()
    {
        var random = new Simulation.Randomness.StableRandom(4);
        int fooled = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var moves = Enumerable.Range(0, 12).Select(_ => random.NextDouble() switch { < 0.5 => M.Rock, < 0.8 => M.Paper, _ => M.Scissors }).ToArray();
            var agent = Enumerable.Range(0, 12).Select(_ => (M)random.NextInt(3)).ToArray();
            if (SequenceEvidence.PredictedMove(Visible(moves, agent)) is { } predicted && predicted != M.Rock) fooled++;
        }
        fooled.Should().BeLessThan(2000 / 20, "a rule that would change the answer from the favourite's beater shows in under 5% of windows");
    }
}
