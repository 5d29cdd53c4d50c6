using SirArena.Llm.Cache;
using SirArena.Llm.Runtime;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>One pre-norm transformer block: x + attn(norm(x)), then + mlp(norm(x)).</summary>
public sealed class LlamaDecoderLayer : nn.Module
{
    readonly RmsNorm input_layernorm, post_attention_layernorm;
    readonly LlamaAttention self_attn;
    readonly LlamaMlp mlp;

    public LlamaDecoderLayer(LlamaConfig config) : base(nameof(LlamaDecoderLayer))
    {
        input_layernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        self_attn = new LlamaAttention(config);
        post_attention_layernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        mlp = new LlamaMlp(config);
        RegisterComponents();
    }

    public Tensor forward(Tensor x, Tensor cos, Tensor sin, LayerCache? cache, Tensor? mask)
    {
        x = x.add(self_attn.forward(input_layernorm.forward(x), cos, sin, cache, mask), TorchScalars.One);
        return x.add(mlp.forward(post_attention_layernorm.forward(x)), TorchScalars.One);
    }
}
