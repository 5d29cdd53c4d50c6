using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;
using SirArena.Llm.Tests.Support;
using TorchSharp;

namespace SirArena.Llm.Tests.Inference;

/// <summary>The session under the real policies: equivalences of sirllm.md, and no native memory growth.</summary>
public class SessionMemoryTests
{
    // One model per test, shared by the streams it compares: torch's global generator is shared with tests running
    // in parallel, so two models built from one seed are not guaranteed to be equal.
    static float[] Stream(LlamaForCausalLM model, IMemoryPolicy policy, int[] tokens, int chunk)
    {
        using var session = new StreamSession(model, policy);
        var surprisal = new List<float>();
        for (int at = 0; at < tokens.Length; at += chunk)
        {
            surprisal.AddRange(session.Prefill(tokens.AsSpan(at, Math.Min(chunk, tokens.Length - at))).Surprisal);
            session.EndRound();
        }
        return surprisal.ToArray();
    }

    [Fact]
    public void Streaming_and_sir_with_a_budget_at_least_the_stream_length_equal_full()
    {
        using var model = TinyModels.Create();
        var tokens = TinyModels.Tokens(120);
        var full = Stream(model, new FullMemory(256), tokens, chunk: 10);

        Stream(model, new StreamingMemory(4, 116), tokens, chunk: 10).Should().Equal(full);
        Stream(model, new SirMemory(4, 100, 16, eta: 0.7f), tokens, chunk: 10).Should().Equal(full);
    }

    [Fact]
    public void Sir_with_no_entropy_slots_streams_exactly_like_streaming()
    {
        using var model = TinyModels.Create();
        var tokens = TinyModels.Tokens(200);
        var streaming = Stream(model, new StreamingMemory(4, 36), tokens, chunk: 7);
        var sir = Stream(model, new SirMemory(4, 0, 36, eta: 0.9f), tokens, chunk: 7);

        sir.Should().Equal(streaming);
        streaming.Should().NotEqual(Stream(model, new FullMemory(256), tokens, chunk: 7), "evictions must have happened for this to mean anything");
    }

    [Fact]
    public void A_long_stream_under_eviction_keeps_the_live_tensor_count_flat()
    {
        using var model = TinyModels.Create();
        using var session = new StreamSession(model, new SirMemory(4, 40, 8, eta: 0.9f));
        var tokens = TinyModels.Tokens(9);
        var stats = DisposeScopeManager.Statistics;

        void Rounds(int count)
        {
            for (int i = 0; i < count; i++)
            {
                session.Prefill(tokens);
                session.ScoreCandidates([1, 2, 3]);
                session.Prefill([2]);
                session.EndRound();
            }
        }

        Rounds(20);
        long warm = stats.ThreadTotalLiveCount;
        Rounds(400);
        stats.ThreadTotalLiveCount.Should().Be(warm, "every forward and compaction runs inside a dispose scope");
        session.CachedTokens.Should().BeLessThanOrEqualTo(52);
    }
}
