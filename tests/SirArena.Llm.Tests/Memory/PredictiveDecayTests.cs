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
        // A clear favourite makes the frequency alarm keener (a short memory reads it well), so a few runs of its
        // runner-up still lower eta.
        after.Skip(500).Count(eta => eta == 0.9f).Should().BeGreaterThan(80, "after 500 rounds both tables know the new favourite");
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
        var random = new Random(10);
        // Surprisal and information vary too, so every running mean the decay keeps matters to what it chooses next.
        var rounds = keys.Select(k => (Key: k, Surprisal: (float)(0.5 + 2 * random.NextDouble()), Other: (float)(3 * random.NextDouble()))).ToArray();
        float[] Play(PredictiveDecay decay, IEnumerable<(int Key, float Surprisal, float Other)> part) =>
            part.Select(r => decay.EtaAfter([900, r.Key, 901], [0.01f, r.Surprisal, Math.Min(r.Other, r.Surprisal)])).ToArray();
        var original = new PredictiveDecay(0.95f, 0.6f);
        Play(original, rounds[..250]);
        using var stream = new MemoryStream();
        original.WriteState(new BinaryWriter(stream));
        var restored = new PredictiveDecay(0.95f, 0.6f);
        stream.Position = 0;
        restored.ReadState(new BinaryReader(stream));

        restored.Eta.Should().Be(original.Eta, "the eta in force is part of the state");
        restored.SelectionEta.Should().Be(original.SelectionEta);
        Play(restored, rounds[250..]).Should().Equal(Play(original, rounds[250..]));
    }

    /// <summary>Rounds of new words, each bringing about <paramref name="nats"/> of surprisal over six tokens.</summary>
    static float[] NewWords(PredictiveDecay decay, Random random, int rounds, double nats) =>
        Enumerable.Range(0, rounds).Select(_ =>
        {
            var scores = Enumerable.Range(0, 6).Select(_ => (float)(nats / 6 * (0.5 + random.NextDouble()))).ToArray();
            var ids = Enumerable.Range(0, 6).Select(_ => random.Next(1000, 5000)).ToArray();
            return decay.EtaAfter(ids, scores);
        }).ToArray();

    [Fact]
    public void A_stream_rich_in_information_decays_by_its_half_life_while_its_selection_stays_sirllms()
    {
        var decay = new PredictiveDecay(0.9f, 0.3f);

        var etas = NewWords(decay, new Random(11), 400, 15);

        float expected = (float)Math.Pow(2, -15 / PredictiveDecay.HalfLifeNats); // about 0.71
        etas.Skip(50).Should().OnlyContain(eta => Math.Abs(eta - expected) < 0.05f, "a score halves for every 30 nats the stream brings");
        decay.SelectionEta.Should().Be(0.9f, "new words every round are no change of regime");
        decay.InformationCeiling.Should().BeLessThan(0.9f);
    }

    [Fact]
    public void A_stream_that_brings_a_nat_a_round_keeps_the_largest_eta()
    {
        var decay = new PredictiveDecay(0.9f, 0.3f);

        Etas(decay, Player(new Random(12), 300, 0.5, 0.3, 0.2));

        decay.InformationCeiling.Should().Be(0.9f, "2^(-1.4/30) is above the largest eta");
    }

    [Fact]
    public void The_models_surprisal_on_the_key_rising_lowers_eta_although_the_keys_come_as_often_as_before()
    {
        var keys = Player(new Random(13), 410, 0.7, 0.2, 0.1).ToArray();
        var control = new PredictiveDecay(0.9f, 0.3f);
        var surprised = new PredictiveDecay(0.9f, 0.3f);
        foreach (int key in keys[..400])
        {
            control.EtaAfter([900, key], [0.01f, 1.0f]);
            surprised.EtaAfter([900, key], [0.01f, 1.0f]);
        }

        var calm = keys[400..].Select(key => control.EtaAfter([900, key], [0.01f, 1.0f])).ToArray();
        var caught = keys[400..].Select(key => surprised.EtaAfter([900, key], [0.01f, 1.8f])).ToArray();

        caught.Min().Should().BeLessThan(0.6f, "the key's surprisal runs 0.8 nats above its long-run mean");
        caught.Zip(calm).Should().OnlyContain(pair => pair.First <= pair.Second, "the same keys, only more surprising");
        surprised.SurpriseRise.Should().BeGreaterThan(PredictiveDecay.SurpriseFull);
    }

    [Fact]
    public void A_rise_is_measured_in_the_streams_own_swings_so_a_noisy_stream_needs_a_larger_one()
    {
        var keys = Player(new Random(16), 410, 0.7, 0.2, 0.1).ToArray();
        var noise = new Random(17);
        var quiet = new PredictiveDecay(0.9f, 0.3f);
        var noisy = new PredictiveDecay(0.9f, 0.3f);
        foreach (int key in keys[..400])
        {
            quiet.EtaAfter([900, key], [0.01f, 1.0f]);
            noisy.EtaAfter([900, key], [0.01f, (float)(1.0 + 3 * (noise.NextDouble() - 0.5))]); // swings of about 0.9 nats
        }

        var quietEtas = keys[400..].Select(key => quiet.EtaAfter([900, key], [0.01f, 1.5f])).ToArray();
        var noisyEtas = keys[400..].Select(key => noisy.EtaAfter([900, key], [0.01f, 1.5f])).ToArray();

        quietEtas.Min().Should().BeLessThan(0.5f, "half a nat is many deviations of a stream that never moved");
        noisy.SurpriseRise.Should().BeLessThan(PredictiveDecay.SurpriseFull, "half a nat is about half a swing of this stream");
        noisyEtas.Min().Should().BeGreaterThan(quietEtas.Min());
    }

    [Fact]
    public void A_run_of_the_runner_up_after_a_weak_favourite_is_no_alarm_where_the_same_run_after_a_clear_one_is()
    {
        var weak = new PredictiveDecay(0.9f, 0.3f);
        var clear = new PredictiveDecay(0.9f, 0.3f);
        Etas(weak, Player(new Random(18), 400, 0.5, 0.31, 0.19));
        Etas(clear, Player(new Random(18), 400, 0.7, 0.2, 0.1));
        int[] run = [2, 2, 1, 2, 2, 2];

        var afterWeak = Etas(weak, run);
        var afterClear = Etas(clear, run);

        afterClear.Min().Should().BeLessThan(0.5f, "a clear favourite was well read by a short memory, so a short memory is cheap");
        afterWeak.Min().Should().BeGreaterThan(0.75f, "a short memory would misread a weak favourite, so the run must be longer to count");
        weak.Gate.Should().BeLessThan(0.5);
        clear.Gate.Should().Be(1);
    }

    [Fact]
    public void The_lead_is_read_from_before_a_switch_so_the_switch_itself_does_not_silence_the_alarms()
    {
        var decay = new PredictiveDecay(0.9f, 0.3f);
        var random = new Random(19);
        Etas(decay, Player(random, 300, 0.7, 0.2, 0.1));

        var gates = Player(random, PredictiveDecay.LeadLag, 0.1, 0.7, 0.2).Select(key =>
        {
            decay.EtaAfter([900, key, 901], [0.01f, 1.2f, 0.2f]);
            return decay.Gate;
        }).ToArray();

        gates.Should().OnlyContain(gate => gate == 1, "for LeadLag rounds the gate reads the lead of the regime that ended");
    }

    [Fact]
    public void Keys_that_never_repeat_raise_no_alarm_however_their_surprisal_moves()
    {
        var decay = new PredictiveDecay(0.9f, 0.3f);
        var random = new Random(14);
        for (int round = 0; round < 400; round++)
        {
            float surprisal = round % 40 < 10 ? 3f : 1f; // a rise of 2 nats every 40 rounds
            decay.EtaAfter([900, random.Next(1000, 100_000)], [0.01f, surprisal]);
            decay.SelectionEta.Should().Be(0.9f, "a stream without a favourite has no regime to change (round {0})", round);
        }
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

    [Fact]
    public void A_memory_decaying_by_the_information_ceiling_still_selects_as_sirllm()
    {
        var memory = new RetainedMemory(new AdaptiveSirMemory(2, 40, 0, 0.9f, 0.3f));
        var random = new Random(15);
        long next = 0;
        for (int round = 0; round < 60; round++)
        {
            var scores = Enumerable.Range(0, 6).Select(_ => (float)(5 * random.NextDouble())).ToArray();
            var held = memory.Scores.ToArray();
            var eviction = memory.MakeRoom(6);

            eviction.Kept.Should().Equal(new SirMemory(2, 40, 0, 0.9f).SelectKept(held, 6), "round {0}", round);
            memory.Append([.. Enumerable.Range(0, 6).Select(_ => random.Next(1000, 100_000))], scores, next);
            next += 6;
            memory.EndRound();
        }
        memory.LastEta.Should().BeLessThan(0.75f, "15 nats a round decay the scores by about 0.71");
    }
}
