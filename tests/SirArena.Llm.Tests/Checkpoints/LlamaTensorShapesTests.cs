using SirArena.Llm.Checkpoints;

namespace SirArena.Llm.Tests.Checkpoints;

public sealed class LlamaTensorShapesTests
{
    [Fact]
    public void Shapes_follow_the_Hugging_Face_Llama_layout_with_grouped_query_attention()
    {
        var shapes = LlamaTensorShapes.For(TinyLlama.Config());

        shapes.Should().HaveCount(1 + 2 * 9 + 2);
        shapes["model.embed_tokens.weight"].Should().Equal(50, 32);
        shapes["model.layers.1.self_attn.q_proj.weight"].Should().Equal(32, 32);
        shapes["model.layers.1.self_attn.k_proj.weight"].Should().Equal([16, 32], "2 key/value heads of width 8");
        shapes["model.layers.1.self_attn.o_proj.weight"].Should().Equal(32, 32);
        shapes["model.layers.1.mlp.gate_proj.weight"].Should().Equal(64, 32);
        shapes["model.layers.1.mlp.down_proj.weight"].Should().Equal(32, 64);
        shapes["lm_head.weight"].Should().Equal(50, 32);
        shapes.Keys.Should().NotContain(k => k.EndsWith(".bias"));
    }

    [Fact]
    public void Qwen2_adds_query_key_value_biases_and_tied_embeddings_drop_the_head()
    {
        var shapes = LlamaTensorShapes.For(TinyLlama.Config(tied: true) with { ModelType = "qwen2" });

        shapes["model.layers.0.self_attn.q_proj.bias"].Should().Equal(32);
        shapes["model.layers.0.self_attn.v_proj.bias"].Should().Equal(16);
        shapes.Should().NotContainKey("lm_head.weight");
    }
}
