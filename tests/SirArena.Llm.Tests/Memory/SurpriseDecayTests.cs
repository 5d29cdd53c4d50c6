using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

public class SurpriseDecayTests
{
    static float[] Etas(SurpriseDecay decay, IEnumerable<float> peaks) =>
        peaks.Select(p => decay.EtaAfter([0.01f, p, 0.2f])).ToArray();

    [Fact]
    public void A_stream_as_surprising_as_it_has_been_keeps_the_largest_eta()
    {
        var decay = new SurpriseDecay(0.95f, 0.6f);
        var peaks = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? 1.6f : 0.7f);

        Etas(decay, peaks).Skip(60).Should().OnlyContain(eta => eta > 0.9f, "alternating peaks average out in both means");
    }

    [Fact]
    public void A_rise_in_surprise_lowers_eta_at_once_and_it_recovers_as_the_new_level_becomes_the_norm()
    {
        var decay = new SurpriseDecay(0.95f, 0.6f);
        Etas(decay, Enumerable.Repeat(1.0f, 100)).Should().OnlyContain(eta => eta == 0.95f);

        var after = Etas(decay, Enumerable.Repeat(1.6f, 150));

        after[0].Should().BeLessThan(0.95f, "the first surprising round already moves the fast mean");
        after.Take(10).Min().Should().BeApproximately(0.6f, 0.01f, "a 60% rise is many standard errors");
        after[^1].Should().BeGreaterThan(0.93f, "after 150 rounds the slow mean has caught up");
    }

    [Fact]
    public void Eta_stays_at_its_maximum_through_the_warm_up_and_within_its_bounds_after()
    {
        var decay = new SurpriseDecay(0.9f, 0.7f);
        var random = new Random(3);
        var etas = Etas(decay, Enumerable.Range(0, 500).Select(_ => (float)(random.NextDouble() * 4)));

        etas.Take(SurpriseDecay.WarmUpRounds).Should().OnlyContain(eta => eta == 0.9f);
        etas.Should().OnlyContain(eta => eta >= 0.7f && eta <= 0.9f);
    }

    [Fact]
    public void A_restored_decay_chooses_what_the_saved_one_would_have()
    {
        var peaks = Enumerable.Range(0, 80).Select(i => 1f + (i % 7) * 0.1f + (i > 50 ? 0.8f : 0f)).ToArray();
        var original = new SurpriseDecay(0.95f, 0.6f);
        Etas(original, peaks[..40]);
        using var stream = new MemoryStream();
        original.WriteState(new BinaryWriter(stream));
        var restored = new SurpriseDecay(0.95f, 0.6f);
        stream.Position = 0;
        restored.ReadState(new BinaryReader(stream));

        Etas(restored, peaks[40..]).Should().Equal(Etas(original, peaks[40..]));
    }

    [Fact]
    public void The_memory_applies_the_chosen_eta_and_a_rebuild_told_those_etas_holds_the_same_scores()
    {
        var live = new RetainedMemory(new AdaptiveSirMemory(2, 10, 0, 0.95f, 0.6f));
        var rebuilt = RetainedMemory.Recorded(0.95f);
        var etas = new List<float>();
        long next = 0;
        for (int round = 0; round < 60; round++)
        {
            float peak = round < 40 ? 1f : 2f;
            var eviction = live.MakeRoom(3);
            rebuilt.Forget(eviction.Evicted.Select(t => t.StreamIndex).ToHashSet());
            live.Append([1, 2, 3], [0.1f, peak, 0.3f], next);
            rebuilt.Append([1, 2, 3], [0.1f, peak, 0.3f], next);
            next += 3;
            live.EndRound();
            etas.Add(live.LastEta);
            rebuilt.EndRound(live.LastEta);
        }

        live.AdaptsDecay.Should().BeTrue();
        etas.Skip(40).Take(5).Should().OnlyContain(eta => eta < 0.95f, "the surprise doubled at round 40");
        rebuilt.Snapshot().Should().Equal(live.Snapshot());
    }
}
