using SirArena.Llm.Cache;
using SirArena.Llm.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>
/// Causal self-attention with rotary positions and grouped-query attention (Ainslie et al., 2023): several query
/// heads share one key/value head. Optional q/k/v biases cover Qwen2. With a <see cref="LayerCache"/> the new keys
/// and values are appended to it and the queries attend over everything it holds.
/// </summary>
public sealed class LlamaAttention : nn.Module
{
    readonly Linear q_proj, k_proj, v_proj, o_proj;
    readonly int heads, kvHeads, headDim;

    public LlamaAttention(LlamaConfig config) : base(nameof(LlamaAttention))
    {
        heads = config.NumAttentionHeads;
        kvHeads = config.KeyValueHeads;
        headDim = config.HeadDim;
        q_proj = nn.Linear(config.HiddenSize, heads * headDim, hasBias: config.HasQkvBias);
        k_proj = nn.Linear(config.HiddenSize, kvHeads * headDim, hasBias: config.HasQkvBias);
        v_proj = nn.Linear(config.HiddenSize, kvHeads * headDim, hasBias: config.HasQkvBias);
        o_proj = nn.Linear(heads * headDim, config.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    /// <param name="x">(B, T, hidden)</param>
    /// <param name="cos">(S, hd) angles of positions 0..S-1: the cache's slots (S - T of them) and the T new ones</param>
    /// <param name="sin">(S, hd)</param>
    /// <param name="cache">this layer's keys and values so far (batch 1), or null for a plain causal pass</param>
    /// <param name="mask">the pass's <see cref="CausalMask"/>, shared by its layers; made here when null</param>
    public Tensor forward(Tensor x, Tensor cos, Tensor sin, LayerCache? cache, Tensor? mask = null)
    {
        long B = x.shape[0], T = x.shape[1], past = cos.shape[0] - T;
        if (past != (cache?.Length ?? 0))
            throw new ArgumentException($"angles for {cos.shape[0]} positions given for {T} new tokens after {cache?.Length ?? 0} held ones", nameof(cos));
        var q = q_proj.forward(x).view(B, T, heads, headDim).transpose(1, 2);   // (B, nh, T, hd)
        var k = k_proj.forward(x).view(B, T, kvHeads, headDim).transpose(1, 2); // (B, nkv, T, hd)
        var v = v_proj.forward(x).view(B, T, kvHeads, headDim).transpose(1, 2); // (B, nkv, T, hd)
        var (newCos, newSin) = (cos.narrow(0, past, T), sin.narrow(0, past, T));
        q = RotaryEmbedding.Rotate(q, newCos, newSin);

        if (cache is null) k = RotaryEmbedding.Rotate(k, cos, sin);
        else
        {
            if (cache.Keys == KeyStorage.Rotated) k = RotaryEmbedding.Rotate(k, newCos, newSin);
            (k, v) = cache.Append(k, v);                                        // (1, nkv, S, hd)
            if (cache.Keys == KeyStorage.Unrotated) k = RotaryEmbedding.Rotate(k, cos, sin);
            cache.Probe?.Observe(q, k, past);
        }
        // Each group of query heads sharing a key/value head is one batch entry, and the key/value head is repeated
        // across the group with a stride of 0, not copied: the kernel reads it where the cache holds it, and each
        // query head computes exactly what it would over a copy of its own.
        long groups = heads / kvHeads, S = k.shape[2];
        q = q.reshape(B * kvHeads, groups, T, headDim);
        k = k.reshape(B * kvHeads, 1, S, headDim).expand(B * kvHeads, groups, S, headDim);
        v = v.reshape(B * kvHeads, 1, S, headDim).expand(B * kvHeads, groups, S, headDim);

        // Positional arguments: TorchSharp 0.107 spells the causal flag "is_casual".
        var y = past == 0
            ? nn.functional.scaled_dot_product_attention(q, k, v, null, 0.0, true)
            : nn.functional.scaled_dot_product_attention(q, k, v, mask ?? CausalMask(T, past, q.dtype, q.device));
        y = y.view(B, heads, T, headDim).transpose(1, 2).reshape(B, T, heads * headDim); // (B, T, nh * hd)
        return o_proj.forward(y);
    }

    /// <summary>(T, past + T), added to the attention scores: 0 where new query i may see key j (j &lt;= past + i),
    /// minus infinity where not. One for a whole pass, since every layer's queries see the same keys.</summary>
    public static Tensor CausalMask(long T, long past, ScalarType type, Device device) =>
        full(T, past + T, TorchScalars.Of(double.NegativeInfinity), type, device).triu(past + 1);
}
