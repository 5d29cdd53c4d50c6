using SirArena.Llm.Cache;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Model;

/// <summary>Position shift: after an eviction the kept tokens sit at slots 0..k-1 and attend as if written there,
/// whether the cache stores keys unrotated or rotated and re-rotated when they move, and whether it moves them in
/// place (the CPU's way) or by tensor copies (any other device's, run here on the CPU).</summary>
public class CompactedAttentionTests
{
    public static TheoryData<int, int[], KeyStorage, bool> Compactions
    {
        get
        {
            var data = new TheoryData<int, int[], KeyStorage, bool>();
            foreach (var storage in Enum.GetValues<KeyStorage>())
            foreach (bool inPlace in new[] { true, false })
            {
                data.Add(4, [0, 1, 2, 3, 9, 17, 18, 25, 28, 29], storage, inPlace); // most of the cache moves (by tensor copies: into the spare buffer)
                data.Add(2, [0, 1, 2, 3, 9, 17, 18, 25, 28, 29], storage, inPlace);
                data.Add(4, [.. Enumerable.Range(0, 25), 27, 29], storage, inPlace); // a short tail moves (by tensor copies: gathered in place)
            }
            return data;
        }
    }

    public static TheoryData<KeyStorage, bool> Ways => new()
    {
        { KeyStorage.Unrotated, true }, { KeyStorage.Unrotated, false }, { KeyStorage.Rotated, true }, { KeyStorage.Rotated, false },
    };

    [Fact]
    public void A_cache_on_the_cpu_moves_its_slots_in_place()
    {
        var config = TinyModels.Config();
        using var rope = new RotaryEmbedding(config.HeadDim, config.RopeTheta, config.MaxPositionEmbeddings);
        using var cache = new KvCache(config, rope, capacity: 16);
        cache.MovesInPlace.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Compactions))]
    public void Attention_over_the_compacted_cache_equals_a_fresh_computation_at_slot_positions(int kvHeads, int[] keep, KeyStorage storage, bool inPlace)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var config = TinyModels.Config(kvHeads: kvHeads, bias: true) with { NumHiddenLayers = 1 };
        manual_seed(3);
        var attention = new LlamaAttention(config);
        using var rope = new RotaryEmbedding(config.HeadDim, config.RopeTheta, config.MaxPositionEmbeddings);
        using var cache = new KvCache(config, rope, capacity: 48, storage, inPlace);

        var history = randn(1, 30, config.HiddenSize);
        var (cos, sin) = rope.Angles(0, 30);
        attention.forward(history, cos, sin, cache.Layers[0]);

        cache.Compact(keep);
        cache.Length.Should().Be(keep.Length);

        var incoming = randn(1, 6, config.HiddenSize);
        (cos, sin) = rope.Angles(0, keep.Length + 6);
        var viaCache = attention.forward(incoming, cos, sin, cache.Layers[0]);

        var kept = history.index_select(1, tensor(keep.Select(s => (long)s).ToArray()));
        var fresh = ManualAttention(attention, config, cat([kept, incoming], 1), rope).narrow(1, keep.Length, 6);
        (viaCache - fresh).abs().max().item<float>().Should().BeLessThan(1e-5f);
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void Stored_keys_and_values_after_many_compactions_stay_those_of_their_slot(KeyStorage storage, bool inPlace)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var config = TinyModels.Config() with { NumHiddenLayers = 1 };
        manual_seed(5);
        var attention = new LlamaAttention(config);
        using var rope = new RotaryEmbedding(config.HeadDim, config.RopeTheta, config.MaxPositionEmbeddings);
        using var cache = new KvCache(config, rope, capacity: 40, storage, inPlace);
        var inputs = new List<Tensor>();
        var written = new List<(Tensor Key, Tensor Value)>(); // each token's key and value as its pass wrote them
        var random = new Random(11);
        int compactions = 0;
        for (int round = 0; round < 200; round++)
        {
            if (cache.Length + 5 > 40)
            {
                // Every other compaction drops only recent slots, so both ways of moving the cache alternate.
                var dropped = compactions++ % 2 == 0
                    ? Enumerable.Range(cache.Length - 8, 8).OrderBy(_ => random.Next()).Take(5).ToHashSet()
                    : Enumerable.Range(4, cache.Length - 4).Where(_ => random.NextDouble() < 0.4).ToHashSet();
                var keep = Enumerable.Range(0, cache.Length).Where(s => !dropped.Contains(s)).ToArray();
                cache.Compact(keep);
                inputs = keep.Select(s => inputs[s]).ToList();
                written = keep.Select(s => written[s]).ToList();
            }
            var chunk = randn(1, 5, config.HiddenSize);
            var (cos, sin) = rope.Angles(0, cache.Length + 5);
            attention.forward(chunk, cos, sin, cache.Layers[0]);
            var held = cache.Layers[0].Held;
            for (int i = 0; i < 5; i++)
            {
                inputs.Add(chunk.narrow(1, i, 1));
                long slot = held.Keys.shape[2] - 5 + i;
                written.Add((held.Keys.narrow(2, slot, 1).clone(), held.Values.narrow(2, slot, 1).clone()));
            }
        }

        var all = cat(inputs, 1);
        var (c, s2) = rope.Angles(0, all.shape[1]);
        var expected = RotaryEmbedding.Rotate(Project(attention, "k_proj", all, config.KeyValueHeads, config.HeadDim), c, s2);
        var keys = cache.Layers[0].Held.Keys;
        var rotated = storage == KeyStorage.Unrotated ? RotaryEmbedding.Rotate(keys, c, s2) : keys;
        (rotated - expected).abs().max().item<float>().Should().BeLessThan(1e-4f,
            "a key attends as the key rotated once at its final slot");
        BitEqual(cache.Layers[0].Held.Values, cat(written.Select(w => w.Value).ToArray(), 2)).Should().BeTrue(
            "values move unchanged, whichever buffer holds them");
        if (storage == KeyStorage.Unrotated)
            BitEqual(keys, cat(written.Select(w => w.Key).ToArray(), 2)).Should().BeTrue(
                "a key stored unrotated is the same bits after any number of moves");
    }

    static bool BitEqual(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>Causal attention written out from the projection weights, without the module's forward.</summary>
    static Tensor ManualAttention(LlamaAttention attention, LlamaConfig config, Tensor x, RotaryEmbedding rope)
    {
        int heads = config.NumAttentionHeads, kvHeads = config.KeyValueHeads, hd = config.HeadDim;
        long T = x.shape[1];
        var (cos, sin) = rope.Angles(0, T);
        var q = RotaryEmbedding.Rotate(Project(attention, "q_proj", x, heads, hd), cos, sin);
        var k = RotaryEmbedding.Rotate(Project(attention, "k_proj", x, kvHeads, hd), cos, sin);
        var v = Project(attention, "v_proj", x, kvHeads, hd);
        var outputs = new List<Tensor>();
        for (int h = 0; h < heads; h++)
        {
            int g = h / (heads / kvHeads);
            var scores = matmul(q[0, h], k[0, g].t()).div(TorchScalars.Of(Math.Sqrt(hd))); // (T, T)
            scores = scores.masked_fill(ones(T, T).triu(1).to(ScalarType.Bool), TorchScalars.Of(double.NegativeInfinity));
            outputs.Add(matmul(scores.softmax(-1), v[0, g]));                     // (T, hd)
        }
        var y = cat(outputs, -1).unsqueeze(0);                                    // (1, T, nh * hd)
        var wo = Parameter(attention, "o_proj.weight");
        return matmul(y, wo.t());
    }

    static Tensor Project(LlamaAttention attention, string name, Tensor x, int heads, int hd)
    {
        var y = matmul(x, Parameter(attention, name + ".weight").t());
        var bias = attention.named_parameters().FirstOrDefault(p => p.name == name + ".bias").parameter;
        if (bias is not null) y = y.add(bias, TorchScalars.One);
        return y.view(1, x.shape[1], heads, hd).transpose(1, 2);                   // (1, heads, T, hd)
    }

    static Tensor Parameter(LlamaAttention attention, string name) =>
        attention.named_parameters().Single(p => p.name == name).parameter;
}
