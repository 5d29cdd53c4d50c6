using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

[Collection(RecordedLlmMatchCollection.Name)]
public class RetainedSetTests(RecordedLlmMatch recorded)
{
    static readonly int[] SampledRounds = [0, 3, 8, 13, RecordedLlmMatch.Rounds - 1];

    [Fact]
    public void The_match_under_test_evicts_and_decays()
    {
        recorded.LiveTraces.Count(t => t.Prompt.Evicted.Length > 0).Should().BeGreaterThan(5, "the budget is small enough to evict");
        var last = recorded.LiveRetained[^1];
        var entered = recorded.LiveTraces.SelectMany(t => new[] { t.Prompt, t.Answer })
            .SelectMany(c => c.Surprisal.Select((s, i) => (Index: c.FirstStreamIndex + i, Surprisal: s)))
            .ToDictionary(x => x.Index, x => x.Surprisal);
        last.Count(t => t.Score != entered[t.StreamIndex]).Should().BeGreaterThan(last.Length / 2, "eta 0.9 has decayed the older scores");
    }

    [Fact]
    public void Rebuilding_from_the_replay_gives_exactly_the_live_sessions_retained_set()
    {
        var replay = ReplayFile.Load(recorded.File);
        var memory = new RetainedSet(replay.Header.Eta);
        replay.Header.Eta.Should().Be(0.9f);

        foreach (var round in replay.Rounds)
        {
            memory.Apply(round.Trace!);
            if (!SampledRounds.Contains((int)round.Round)) continue;
            var live = recorded.LiveRetained[(int)round.Round];
            memory.Tokens.Select(t => (t.StreamIndex, t.TokenId, t.Score))
                .Should().Equal(live.Select(t => (t.StreamIndex, t.TokenId, t.Score)), $"round {round.Round} must rebuild bit for bit");
        }
    }

    [Fact]
    public void Rebuilt_tokens_carry_their_text_and_the_evictions_of_their_round()
    {
        var tokenizer = recorded.Factory.Model(recorded.ModelFolder).Tokenizer;
        var replay = ReplayFile.Load(recorded.File);
        var memory = new RetainedSet(replay.Header.Eta);

        foreach (var round in replay.Rounds)
        {
            var evicted = memory.Apply(round.Trace!);
            evicted.Select(t => t.StreamIndex).Should().Equal(round.Trace!.Prompt.Evicted.Concat(round.Trace.Answer.Evicted));
            memory.Tokens.Should().OnlyContain(t => t.Text == tokenizer.TokenText(t.TokenId));
        }
    }

    [Fact]
    public void A_trace_that_evicts_a_token_not_held_is_refused()
    {
        var replay = ReplayFile.Load(recorded.File);
        var memory = new RetainedSet(replay.Header.Eta);
        var first = replay.Rounds[0].Trace!;
        memory.Apply(first);
        var second = replay.Rounds[1].Trace!;
        var bogus = second with { Prompt = second.Prompt with { Evicted = [999_999] } };

        var apply = () => memory.Apply(bogus);

        apply.Should().Throw<InvalidDataException>().WithMessage("*evicts stream indices [999999]*not all of which are held*");
    }
}
