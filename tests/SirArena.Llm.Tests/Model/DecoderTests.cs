using SirArena.Llm.Cache;
using SirArena.Llm.Model;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Model;

public class DecoderTests
{
    public static TheoryData<string, LlamaConfig> Variants => new()
    {
        { "multi-head", TinyModels.Config() },
        { "grouped-query", TinyModels.Config(kvHeads: 2) },
        { "multi-query with q/k/v bias", TinyModels.Config(kvHeads: 1, bias: true) },
        { "tied embeddings", TinyModels.Config(tied: true) },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Decoding_chunk_by_chunk_gives_the_logits_of_one_pass_over_the_whole_sequence(string variant, LlamaConfig config)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var model = TinyModels.Create(config);
        var tokens = TinyModels.Tokens(40, config.VocabSize);
        var whole = model.forward(TinyModels.Ids(tokens));

        using var cache = new KvCache(config, model.Rope, capacity: 64);
        var pieces = new List<Tensor>();
        int at = 0;
        foreach (int size in new[] { 1, 7, 1, 13, 2, 16 })
        {
            pieces.Add(model.forward(TinyModels.Ids(tokens.AsSpan(at, size)), cache));
            at += size;
        }
        var chunked = cat(pieces, 1);

        chunked.shape.Should().Equal(whole.shape);
        (chunked - whole).abs().max().item<float>().Should().BeLessThan(1e-4f, variant);
        whole.std().item<float>().Should().BeGreaterThan(0.1f, "logits that barely vary would make the comparison empty");
    }

    [Fact]
    public void Parameters_carry_the_hugging_face_tensor_names_and_shapes()
    {
        using var model = TinyModels.Create(TinyModels.Config(kvHeads: 2, bias: true));
        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        shapes.Keys.Should().BeEquivalentTo(
            "model.embed_tokens.weight", "model.norm.weight", "lm_head.weight",
            "model.layers.0.input_layernorm.weight", "model.layers.0.post_attention_layernorm.weight",
            "model.layers.0.self_attn.q_proj.weight", "model.layers.0.self_attn.q_proj.bias",
            "model.layers.0.self_attn.k_proj.weight", "model.layers.0.self_attn.k_proj.bias",
            "model.layers.0.self_attn.v_proj.weight", "model.layers.0.self_attn.v_proj.bias",
            "model.layers.0.self_attn.o_proj.weight",
            "model.layers.0.mlp.gate_proj.weight", "model.layers.0.mlp.up_proj.weight", "model.layers.0.mlp.down_proj.weight",
            "model.layers.1.input_layernorm.weight", "model.layers.1.post_attention_layernorm.weight",
            "model.layers.1.self_attn.q_proj.weight", "model.layers.1.self_attn.q_proj.bias",
            "model.layers.1.self_attn.k_proj.weight", "model.layers.1.self_attn.k_proj.bias",
            "model.layers.1.self_attn.v_proj.weight", "model.layers.1.self_attn.v_proj.bias",
            "model.layers.1.self_attn.o_proj.weight",
            "model.layers.1.mlp.gate_proj.weight", "model.layers.1.mlp.up_proj.weight", "model.layers.1.mlp.down_proj.weight");
        shapes["model.embed_tokens.weight"].Should().Equal(61, 32);
        shapes["model.layers.0.self_attn.k_proj.weight"].Should().Equal([16L, 32L], "2 kv heads of width 8");
        shapes["model.layers.0.mlp.down_proj.weight"].Should().Equal(32, 64);
        shapes["lm_head.weight"].Should().Equal(61, 32);
    }

    [Fact]
    public void Tied_embeddings_have_no_output_head()
    {
        using var model = TinyModels.Create(TinyModels.Config(tied: true));
        model.named_parameters().Select(p => p.name).Should().NotContain("lm_head.weight");
    }
}
