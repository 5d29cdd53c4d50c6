using SirArena.Llm.Cache;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>The decoder stack without its head: token embedding, N blocks, final norm (HF "model.*" tensors).</summary>
public sealed class LlamaModel : nn.Module
{
    internal readonly Embedding embed_tokens;
    readonly ModuleList<LlamaDecoderLayer> layers;
    readonly RmsNorm norm;

    public LlamaModel(LlamaConfig config) : base(nameof(LlamaModel))
    {
        embed_tokens = nn.Embedding(config.VocabSize, config.HiddenSize);
        layers = nn.ModuleList(Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new LlamaDecoderLayer(config)).ToArray());
        norm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        RegisterComponents();
    }

    /// <param name="ids">(B, T) token ids</param>
    /// <returns>(B, T, hidden) final hidden states</returns>
    public Tensor forward(Tensor ids, Tensor cos, Tensor sin, KvCache? cache)
    {
        var x = embed_tokens.forward(ids);
        // A bfloat16 model (training's mixed precision) rotates in its own precision, as Hugging Face's Llama does.
        if (cos.dtype != x.dtype) (cos, sin) = (cos.to(x.dtype), sin.to(x.dtype));
        long T = ids.shape[1], past = cos.shape[0] - T;
        var mask = past == 0 ? null : LlamaAttention.CausalMask(T, past, x.dtype, x.device);
        for (int i = 0; i < layers.Count; i++)
        {
            // A layer's temporaries are freed as it ends, so the next layer's are made in memory still in the
            // processor's caches rather than in fresh memory; only its output lives on.
            using var scope = NewDisposeScope();
            x = layers[i].forward(x, cos, sin, cache?.Layers[i], mask).MoveToOuterDisposeScope();
        }
        return norm.forward(x);
    }
}
