using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>The limits sirllm.md names: SirLLM with entropy 0 is StreamingLLM; a budget the stream never fills is Full.</summary>
public sealed class PolicyEquivalenceTests
{
    [Theory]
    [InlineData(4, 28, 0.9f)]
    [InlineData(0, 8, 0.5f)]
    [InlineData(2, 6, 1f)]
    [InlineData(4, 508, 0.7f)]
    public void Sir_with_no_entropy_slots_is_streaming(int start, int recent, float eta)
    {
        var sir = new ScoreStream(new SirMemory(start, entropy: 0, recent, eta));
        var streaming = new ScoreStream(new StreamingMemory(start, recent));
        var rng = new Random(7);

        for (int round = 0; round < 300; round++)
        {
            float[] chunk = ScoreStream.RandomChunk(rng, rng.Next(1, Math.Min(recent, 50) + 1));
            sir.Round(chunk).Should().Equal(streaming.Round(chunk), "round {0}", round);
        }
        sir.Ids.Should().Equal(streaming.Ids);
    }

    [Fact]
    public void A_budget_the_stream_never_exceeds_is_full_memory()
    {
        var rng = new Random(11);
        var chunks = Enumerable.Range(0, 120).Select(_ => ScoreStream.RandomChunk(rng, rng.Next(1, 9))).ToList();
        int length = chunks.Sum(c => c.Length);
        // Exactly the stream length, the tightest budget that must never evict.
        IMemoryPolicy[] policies =
        [
            new FullMemory(length),
            new SirMemory(4, length - 4, 0, 0.9f),
            new SirMemory(2, length / 2, length - 2 - length / 2, 1f),
            new StreamingMemory(4, length - 4),
        ];

        foreach (var policy in policies)
        {
            var stream = new ScoreStream(policy);
            foreach (float[] chunk in chunks)
            {
                int cached = stream.Ids.Length;
                stream.Round(chunk).Should().Equal(Enumerable.Range(0, cached), policy.Name);
            }
            stream.Ids.Should().Equal(Enumerable.Range(0, length), "{0} kept every token", policy.Name);
        }
    }
}
