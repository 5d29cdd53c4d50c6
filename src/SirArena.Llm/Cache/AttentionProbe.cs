using SirArena.Llm.Memory;
using SirArena.Llm.Runtime;
using static TorchSharp.torch;

namespace SirArena.Llm.Cache;

/// <summary>
/// Reads, during one forward pass, what an attention- or key-based memory policy ranks by (<see cref="ScoreSource"/>):
/// each layer hands it its rotated queries and every held key, and it sums the layer's figure on the CPU. Query heads
/// are grouped onto their shared key/value head by a reshape, so no key is copied per query head, and only the
/// weights a score needs are formed: the newest query's row for TOVA, the chunk's rows for H2O, none for key norms.
/// One memory serves every layer, so the figures are means over heads and layers.
/// </summary>
public sealed class AttentionProbe
{
    readonly ScoreSource source;
    float[]? sum;
    int layers;

    public AttentionProbe(ScoreSource source)
    {
        if (!source.ReadsForwardPass())
            throw new ArgumentException($"{source} scores are not read off attention or keys", nameof(source));
        this.source = source;
    }

    /// <param name="q">(1, nh, T, hd) the chunk's rotated queries</param>
    /// <param name="k">(1, nkv, S, hd) every held key, the chunk's last T included</param>
    /// <param name="past">S - T: the keys held before the chunk</param>
    internal void Observe(Tensor q, Tensor k, long past)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        long T = q.shape[2];
        var figure = source switch
        {
            ScoreSource.NegativeKeyNorm => KeyNorms(k[0].narrow(1, past, T)).mean([0]),                  // (T)
            ScoreSource.NewestQueryAttention => Weights(q.narrow(2, T - 1, 1), k, causalPast: null).mean([0, 1, 2]), // (S)
            _ => Weights(q, k, causalPast: past).sum(2).mean([0, 1]),                                          // (S)
        };
        var values = figure.cpu().data<float>();
        sum ??= new float[values.Count];
        if (sum.Length != values.Count) throw new InvalidOperationException($"a layer gave {values.Count} figures where the first gave {sum.Length}");
        for (int i = 0; i < sum.Length; i++) sum[i] += values[i];
        layers++;
    }

    /// <summary>
    /// The pass's figure, the mean over layers: per held slot the attention it received (H2O: summed over the chunk's
    /// queries; TOVA: from the newest query), or per new token its key's L2 norm. Then the probe is empty again.
    /// </summary>
    public float[] Take()
    {
        if (sum is null) throw new InvalidOperationException("no layer reported to the probe; attach it to the cache before the forward pass");
        var mean = sum.Select(s => s / layers).ToArray();
        sum = null;
        layers = 0;
        return mean;
    }

    /// <summary>The L2 norm of each key of (nkv, T, hd), as (nkv, T).</summary>
    static Tensor KeyNorms(Tensor keys) => keys.mul(keys).sum(-1).sqrt();

    /// <summary>softmax(q k^T / sqrt(hd)) as (nkv, group, T, S), the causal mask applied when the queries are a chunk
    /// after <paramref name="causalPast"/> held keys (query i sees keys up to past + i).</summary>
    internal static Tensor Weights(Tensor q, Tensor k, long? causalPast)
    {
        long heads = q.shape[1], T = q.shape[2], hd = q.shape[3], kvHeads = k.shape[1], S = k.shape[2];
        long group = heads / kvHeads;
        var logits = q[0].reshape(kvHeads, group * T, hd).matmul(k[0].transpose(1, 2))   // (nkv, group*T, S)
            .div(TorchScalars.Of(Math.Sqrt(hd)))
            .view(kvHeads, group, T, S);
        if (causalPast is { } past)
            logits = logits.masked_fill(ones(T, S, ScalarType.Bool, q.device).tril(past).logical_not(), TorchScalars.Of(double.NegativeInfinity));
        return nn.functional.softmax(logits, -1);
    }
}
