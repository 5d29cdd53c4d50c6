using SirArena.Llm.Cache;
using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Inference;

/// <summary>
/// The scores H2O, TOVA and the key-norm press rank by, as the attention probe reads them, against the same figures
/// computed the plain way: keys copied to every query head, a full T x S mask, a loop over heads.
/// </summary>
public class AttentionScoreTests
{
    const int Heads = 8, KvHeads = 4, T = 5, Past = 7, S = Past + T, Hd = 16;

    static (Tensor Q, Tensor K, Tensor V) Random(int seed)
    {
        manual_seed(seed);
        return (randn(1, Heads, T, Hd), randn(1, KvHeads, S, Hd), randn(1, KvHeads, S, Hd));
    }

    /// <summary>(1, nh, T, S): softmax over keys copied to every query head, with the causal mask written out.</summary>
    static Tensor PlainWeights(Tensor q, Tensor k)
    {
        var copied = k.repeat_interleave(Heads / KvHeads, dim: 1);
        var logits = q.matmul(copied.transpose(2, 3)).div(TorchScalars.Of(Math.Sqrt(Hd)));
        var visible = new bool[T * S];
        for (int i = 0; i < T; i++)
            for (int j = 0; j < S; j++)
                visible[i * S + j] = j <= Past + i;
        return nn.functional.softmax(logits.masked_fill(tensor(visible).view(T, S).logical_not(), TorchScalars.Of(double.NegativeInfinity)), -1);
    }

    static float[] Floats(Tensor t) => t.contiguous().data<float>().ToArray();

    [Fact]
    public void Grouped_weights_equal_the_plain_ones_and_are_what_the_model_attends_with()
    {
        using var scope = NewDisposeScope();
        var (q, k, v) = Random(1);

        var grouped = AttentionProbe.Weights(q, k, causalPast: Past).reshape(1, Heads, T, S);
        var plain = PlainWeights(q, k);

        Floats(grouped).Should().Equal(Floats(plain), (a, b) => Math.Abs(a - b) < 1e-6);
        var copiedValues = v.repeat_interleave(Heads / KvHeads, dim: 1);
        var model = nn.functional.scaled_dot_product_attention(q, k.repeat_interleave(Heads / KvHeads, dim: 1), copiedValues,
            ones(T, S, ScalarType.Bool).tril(Past));
        Floats(plain.matmul(copiedValues)).Should().Equal(Floats(model), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void The_probe_reports_the_mean_over_heads_and_layers_of_what_each_score_reads()
    {
        using var scope = NewDisposeScope();
        var layers = new[] { Random(2), Random(3) };
        var heavy = new AttentionProbe(ScoreSource.AccumulatedAttention);
        var newest = new AttentionProbe(ScoreSource.NewestQueryAttention);
        var norms = new AttentionProbe(ScoreSource.NegativeKeyNorm);
        foreach (var (q, k, _) in layers)
        {
            heavy.Observe(q, k, Past);
            newest.Observe(q, k, Past);
            norms.Observe(q, k, Past);
        }

        var expectedHeavy = new double[S];
        var expectedNewest = new double[S];
        var expectedNorms = new double[T];
        foreach (var (q, k, _) in layers)
        {
            var w = Floats(PlainWeights(q, k)); // (1, nh, T, S)
            var keys = Floats(k);               // (1, nkv, S, hd)
            for (int h = 0; h < Heads; h++)
                for (int j = 0; j < S; j++)
                {
                    for (int i = 0; i < T; i++) expectedHeavy[j] += w[(h * T + i) * S + j] / Heads / layers.Length;
                    expectedNewest[j] += w[(h * T + T - 1) * S + j] / Heads / layers.Length;
                }
            for (int kv = 0; kv < KvHeads; kv++)
                for (int i = 0; i < T; i++)
                    expectedNorms[i] += Math.Sqrt(Enumerable.Range(0, Hd).Sum(d => Math.Pow(keys[(kv * S + Past + i) * Hd + d], 2))) / KvHeads / layers.Length;
        }

        heavy.Take().Should().Equal(expectedHeavy, (a, b) => Math.Abs(a - b) < 1e-5);
        newest.Take().Should().Equal(expectedNewest, (a, b) => Math.Abs(a - b) < 1e-6);
        norms.Take().Should().Equal(expectedNorms, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    static (float[] Surprisal, RetainedToken[][] Held) Stream(LlamaForCausalLM model, IMemoryPolicy policy, int[] tokens, int chunk)
    {
        using var session = new StreamSession(model, policy);
        var surprisal = new List<float>();
        var held = new List<RetainedToken[]>();
        for (int at = 0; at < tokens.Length; at += chunk)
        {
            surprisal.AddRange(session.Prefill(tokens.AsSpan(at, Math.Min(chunk, tokens.Length - at))).Surprisal);
            session.EndRound();
            held.Add(session.Retained());
        }
        return (surprisal.ToArray(), held.ToArray());
    }

    [Fact]
    public void Scoring_by_attention_or_keys_reads_the_forward_pass_without_changing_it()
    {
        using var model = TinyModels.Create(TinyModels.Config(kvHeads: 2));
        var tokens = TinyModels.Tokens(60);
        var full = Stream(model, new FullMemory(256), tokens, chunk: 10).Surprisal;

        foreach (var policy in new IMemoryPolicy[]
                 {
                     new HeavyHitterMemory(new MemoryBudget(4, 100, 60)),
                     new NewestQueryMemory(new MemoryBudget(4, 160, 0)),
                     new KeyNormMemory(new MemoryBudget(4, 160, 0)),
                 })
            Stream(model, policy, tokens, chunk: 10).Surprisal.Should().Equal(full, policy.Name);
    }

    [Fact]
    public void Heavy_hitter_scores_add_up_what_every_query_paid_and_newest_query_scores_are_replaced_each_pass()
    {
        using var model = TinyModels.Create(TinyModels.Config(kvHeads: 2));
        var tokens = TinyModels.Tokens(60);

        var heavy = Stream(model, new HeavyHitterMemory(new MemoryBudget(4, 100, 60)), tokens, chunk: 10).Held;
        var newest = Stream(model, new NewestQueryMemory(new MemoryBudget(4, 160, 0)), tokens, chunk: 10).Held;

        for (int chunk = 0; chunk < heavy.Length; chunk++)
        {
            // Each query's weights sum to 1, so with nothing evicted the scores hold one unit per token so far.
            heavy[chunk].Sum(t => t.Score).Should().BeApproximately(10f * (chunk + 1), 1e-3f);
            newest[chunk].Sum(t => t.Score).Should().BeApproximately(1f, 1e-4f);
            if (chunk == 0) continue;
            for (int slot = 0; slot < heavy[chunk - 1].Length; slot++)
                heavy[chunk][slot].Score.Should().BeGreaterThan(heavy[chunk - 1][slot].Score, "attention received only adds up");
        }
    }

    [Fact]
    public void Key_norm_scores_are_minus_the_norm_and_never_change_after_entry()
    {
        using var model = TinyModels.Create(TinyModels.Config(kvHeads: 2));
        var held = Stream(model, new KeyNormMemory(new MemoryBudget(4, 160, 0)), TinyModels.Tokens(40), chunk: 8).Held;

        held[0].Should().OnlyContain(t => t.Score < 0);
        held[^1].Take(held[0].Length).Select(t => t.Score).Should().Equal(held[0].Select(t => t.Score));
    }
}
