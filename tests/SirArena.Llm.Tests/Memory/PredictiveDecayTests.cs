using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

public class PredictiveDecayTests
{
    /// <summary>One round per key: the key token among two template tokens that score lower.</summary>
    static float[] Etas(PredictiveDecay decay, IEnumerable<int> keys) =>
        keys.Select(k => decay.EtaAfter([900, k, 901], [0.01f, 1.2f, 0.2f])).ToArray();

    /// <summary>Keys 1, 2, 3 drawn with the given shares.</summary>
    static IEnumerable<int> Player(Random random, int rounds, params double[] shares)
    {
        for (int i = 0; i < rounds; i++)
        {
            double u = random.NextDouble();
            int key = 1;
            while (key < shares.Length && u >= shares[key - 1]) u -= shares[key++ - 1];
            yield return key;
        }
    }

    [Fact]
    public void A_stationary_biased_player_keeps_the_largest_eta_almost_always()
    {
        var decay = new PredictiveDecay(0.9f, 0.5f);
        var etas = Etas(decay, Player(new Random(1), 2000, 0.5, 0.3, 0.2));

        etas.Skip(200).Count(eta => eta == 0.9f).Should().BeGreaterThan(1530, "the slow table predicts a stationary player better");
        decay.Advantage.Should().BeLessThan(PredictiveDecay.Full);
    }

    [Fact]
    public void A_change_of_favourite_lowers_eta_within_a_few_rounds_and_it_returns_once_the_slow_table_has_caught_up()
    {
        var decay = new PredictiveDecay(0.9f, 0.5f);
        var random = new Random(2);
        Etas(decay, Player(random, 400, 0.7, 0.2, 0.1));

        var after = Etas(decay, Player(random, 600, 0.1, 0.7, 0.2));

        after.Take(20).Min().Should().BeLessThan(0.7f, "the fast table has the new favourite within a few rounds");
        after.Skip(500).Count(eta => eta == 0.9f).Should().BeGreaterThan(90, "after 500 rounds both tables know the new favourite");
    }

    [Fact]
    public void Key_tokens_that_are_new_words_every_round_keep_the_largest_eta()
    {
        var decay = new PredictiveDecay(0.9f, 0.5f);
        var random = new Random(3);

        Etas(decay, Enumerable.Range(0, 1000).Select(_ => random.Next(1000, 1300))).Count(eta => eta == 0.9f)
            .Should().BeGreaterThan(900, "a table of a few rounds predicts new words no better than one of a hundred");
    }

    [Fact]
    public void Eta_stays_at_its_maximum_through_the_warm_up_and_within_its_bounds_after()
    {
        var decay = new PredictiveDecay(0.9f, 0.7f);
        var random = new Random(4);
        var etas = Etas(decay, Enumerable.Range(0, 800).Select(i => (i / 40 % 3) + 1 + (random.NextDouble() < 0.2 ? 1 : 0)));

        etas.Take(PredictiveDecay.WarmUpRounds).Should().OnlyContain(eta => eta == 0.9f);
        etas.Should().OnlyContain(eta => eta >= 0.7f && eta <= 0.9f).And.Contain(eta => eta < 0.8f, "a favourite every 40 rounds is caught");
    }

    [Fact]
    public void A_restored_decay_chooses_what_the_saved_one_would_have()
    {
        var keys = Player(new Random(5), 200, 0.6, 0.3, 0.1).Concat(Player(new Random(6), 200, 0.1, 0.3, 0.6)).ToArray();
        var original = new PredictiveDecay(0.95f, 0.6f);
        Etas(original, keys[..250]);
        using var stream = new MemoryStream();
        original.WriteState(new BinaryWriter(stream));
        var restored = new PredictiveDecay(0.95f, 0.6f);
        stream.Position = 0;
        restored.ReadState(new BinaryReader(stream));

        restored.Eta.Should().Be(original.Eta, "the eta in force is part of the state");
        Etas(restored, keys[250..]).Should().Equal(Etas(original, keys[250..]));
    }

    [Theory]
    [InlineData(0.6f)]
    [InlineData(0.45f)]
    [InlineData(0.3f)]
    public void As_eta_falls_the_top_scorer_slots_give_way_to_the_newest_tokens_until_the_memory_is_streamings_window(float eta)
    {
        var adaptive = new AdaptiveSirMemory(4, 40, 0, 0.9f, 0.3f);
        var random = new Random(9);
        var scores = Enumerable.Range(0, 44).Select(_ => (float)random.NextDouble()).ToArray();

        var kept = adaptive.SelectKept(scores, 6, eta);

        int topScorers = (int)Math.Round(40 * (eta - 0.3f) / (0.9f - 0.3f));
        kept.Should().Equal(new SirMemory(4, topScorers, 40 - topScorers, 0.9f).SelectKept(scores, 6));
        if (eta == 0.3f) kept.Should().Equal(new StreamingMemory(4, 40).SelectKept(scores, 6));
        adaptive.SelectKept(scores, 6, 0.9f).Should().Equal(new SirMemory(4, 40, 0, 0.9f).SelectKept(scores, 6), "at its largest eta it is SirLLM");
    }

    [Fact]
    public void The_memory_applies_the_chosen_eta_and_a_rebuild_told_those_etas_holds_the_same_scores()
    {
        var live = new RetainedMemory(new AdaptiveSirMemory(2, 10, 0, 0.95f, 0.6f));
        var rebuilt = RetainedMemory.Recorded(0.95f);
        var keys = Player(new Random(7), 100, 0.8, 0.1, 0.1).Concat(Player(new Random(8), 60, 0.1, 0.1, 0.8)).ToArray();
        var etas = new List<float>();
        long next = 0;
        foreach (int key in keys)
        {
            var eviction = live.MakeRoom(3);
            rebuilt.Forget(eviction.Evicted.Select(t => t.StreamIndex).ToHashSet());
            live.Append([900, key, 901], [0.1f, 1.2f, 0.3f], next);
            rebuilt.Append([900, key, 901], [0.1f, 1.2f, 0.3f], next);
            next += 3;
            live.EndRound();
            etas.Add(live.LastEta);
            rebuilt.EndRound(live.LastEta);
        }

        live.AdaptsDecay.Should().BeTrue();
        etas.Skip(100).Take(20).Should().Contain(eta => eta < 0.95f, "the favourite changed at round 100");
        rebuilt.Snapshot().Should().Equal(live.Snapshot());
    }
}
