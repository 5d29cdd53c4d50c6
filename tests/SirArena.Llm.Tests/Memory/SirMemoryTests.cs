using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>
/// SirLLM cases computed by hand from docs/sirllm.md, all with start 2, entropy 4, recent 2 (B = 8): keep the
/// entropy - n top scorers (ties: earlier slot), the 2 sinks, then the newest others until B - n are kept.
/// </summary>
public sealed class SirMemoryTests
{
    private static SirMemory Small(float eta = 1f) => new(start: 2, entropy: 4, recent: 2, eta);

    [Fact]
    public void Ties_go_to_the_earlier_slot()
    {
        // n = 1 leaves 3 top places: slot 3 (2), then four 1s of which slots 2 and 4 come first; fill adds 9, 8.
        float[] scores = [0, 0, 1, 2, 1, 1, 1, 0, 0, 0];

        Small().SelectKept(scores, 1).Should().Equal(0, 1, 2, 3, 4, 8, 9);
    }

    [Fact]
    public void Sinks_that_are_top_scorers_count_once_and_leave_room_for_recent_tokens()
    {
        // Top 3 = {0, 1, 4}; the sinks add nothing, so the fill takes four: 9, 8, 7, 6.
        Small().SelectKept([9, 8, 0, 0, 7, 0, 0, 0, 0, 0], 1).Should().Equal(0, 1, 4, 6, 7, 8, 9);
        // The same scores shifted off the sinks: top 3 = {2, 3, 4}, sinks 0 and 1, the fill takes only 9 and 8.
        Small().SelectKept([0, 0, 9, 8, 7, 0, 0, 0, 0, 0], 1).Should().Equal(0, 1, 2, 3, 4, 8, 9);
    }

    [Fact]
    public void Recent_fill_skips_chosen_slots_newest_first()
    {
        // n = 2: top 2 = {2, 9}; sinks 0, 1; fill to B - n = 6 with 8 and 7 (9 is taken). StreamingLLM would keep 6..9.
        Small().SelectKept([0, 0, 7, 0, 0, 0, 0, 0, 0, 6], 2).Should().Equal(0, 1, 2, 7, 8, 9);
    }

    [Theory]
    [InlineData(4, new[] { 0, 1, 6, 7 })]
    [InlineData(5, new[] { 0, 1, 7 })]
    [InlineData(6, new[] { 0, 1 })]
    public void Entropy_at_most_the_chunk_keeps_no_top_scorers(int n, int[] expected)
    {
        // entropy - n <= 0: slot 3's high score buys nothing, so this is StreamingLLM's answer.
        Small().SelectKept([0, 0, 0, 9, 0, 0, 0, 0], n).Should().Equal(expected);
    }

    [Fact]
    public void Chunk_that_would_push_out_the_sinks_throws_but_fits_while_the_stream_is_shorter_than_the_sinks()
    {
        var act = () => Small().SelectKept(new float[8], 7);
        act.Should().Throw<MemoryBudgetException>().WithMessage("*7 tokens*'sir'*budget of 8*at most 6*");

        // One cached token, one possible sink: 1 + 7 = B, nothing to evict.
        Small().SelectKept([5], 7).Should().Equal(0);
    }

    [Fact]
    public void Decay_lets_a_key_token_fade_against_newer_ones()
    {
        // Rounds of two tokens: sinks [1, 1], then the key (surprisal 9) with a 1, then [2, 2] forever. With eta = 0.5
        // the cache reaches B after round 4; round 5 keeps the key (9/16 * 2 = 1.125 beats the newest 2 * 0.5 = 1),
        // round 6 does not (0.5625 < 1) and the key is past the four newest tokens the fill reaches.
        KeyAliveAfter(eta: 0.5f, rounds: 5).Should().BeTrue();
        KeyAliveAfter(eta: 0.5f, rounds: 6).Should().BeFalse();
        KeyAliveAfter(eta: 1f, rounds: 60).Should().BeTrue("rigid memory keeps the highest surprisal forever");
    }

    [Fact]
    public void Slower_decay_keeps_the_key_longer()
    {
        int fast = RoundsKeyLives(0.5f), slow = RoundsKeyLives(0.9f);

        fast.Should().Be(5);
        slow.Should().BeGreaterThan(fast);
    }

    [Fact]
    public void Stored_scores_are_surprisal_times_eta_per_round()
    {
        var stream = new ScoreStream(Small(eta: 0.5f));
        stream.Round([8, 4]);
        stream.Round([2, 2]);

        stream.Scores.Should().Equal(2, 1, 1, 1);
    }

    [Theory]
    [InlineData(2, 4, 2, 10, 1)]
    [InlineData(4, 20, 8, 40, 6)]
    [InlineData(0, 12, 3, 15, 2)]
    [InlineData(4, 5000, 1000, 6000, 10)] // past the stack buffers: exercises the pooled path
    public void Matches_a_direct_transcription_of_the_four_steps(int start, int entropy, int recent, int cached, int n)
    {
        var rng = new Random(cached);
        for (int trial = 0; trial < 20; trial++)
        {
            float[] scores = ScoreStream.RandomChunk(rng, cached);
            new SirMemory(start, entropy, recent).SelectKept(scores, n)
                .Should().Equal(Transcription(scores, start, start + entropy + recent - n, entropy - n));
        }
    }

    /// <summary>sirllm.md's steps as plainly as LINQ says them: the oracle for the optimised selection.</summary>
    private static IEnumerable<int> Transcription(float[] scores, int start, int keep, int top)
    {
        var chosen = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(Math.Max(top, 0))
            .Union(Enumerable.Range(0, Math.Min(start, scores.Length))).ToHashSet();
        var fill = Enumerable.Range(0, scores.Length).Reverse().Where(i => !chosen.Contains(i)).Take(keep - chosen.Count);
        return chosen.Concat(fill).Order();
    }

    private const int KeyId = 2;

    private static bool KeyAliveAfter(float eta, int rounds)
    {
        var stream = new ScoreStream(Small(eta));
        for (int round = 1; round <= rounds; round++) stream.Round(Chunk(round));
        return stream.Ids.Contains(KeyId);
    }

    private static int RoundsKeyLives(float eta)
    {
        var stream = new ScoreStream(Small(eta));
        int round = 0;
        while (round < 200 && (round < 2 || stream.Ids.Contains(KeyId))) stream.Round(Chunk(++round));
        return round - 1;
    }

    private static float[] Chunk(int round) => round switch
    {
        1 => [1, 1],
        2 => [9, 1],
        _ => [2, 2],
    };
}
