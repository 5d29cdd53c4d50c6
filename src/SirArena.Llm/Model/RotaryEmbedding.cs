using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>
/// Rotary position embeddings (Su et al., RoFormer) in the Hugging Face Llama layout: the head dimension is split
/// in two halves that rotate as (x1, x2) -> (x1 cos - x2 sin, x2 cos + x1 sin) with angle p * theta^(-2i/d).
/// Because a rotation by p2 equals a rotation by p2 - p1 applied after one by p1, keys stored already rotated can
/// be moved to a new cache slot by rotating them by the shift alone (see <c>KvCache.Compact</c>).
/// </summary>
public sealed class RotaryEmbedding
{
    readonly float[] inverseFrequencies;

    public RotaryEmbedding(int headDim, double theta)
    {
        inverseFrequencies = new float[headDim / 2];
        for (int i = 0; i < inverseFrequencies.Length; i++)
            inverseFrequencies[i] = (float)(1.0 / Math.Pow(theta, 2.0 * i / headDim));
    }

    /// <summary>cos and sin of the angles for each position, both (T, head_dim).</summary>
    public (Tensor Cos, Tensor Sin) Angles(Tensor positions)
    {
        var freqs = outer(positions.to(ScalarType.Float32), tensor(inverseFrequencies)); // (T, hd/2)
        var both = cat([freqs, freqs], -1);                                               // (T, hd)
        return (both.cos(), both.sin());
    }

    /// <summary>Angles for the consecutive positions start .. start + count - 1.</summary>
    public (Tensor Cos, Tensor Sin) Angles(long start, long count) =>
        Angles(arange(start, start + count, ScalarType.Int64));

    /// <summary>Rotates x (B, heads, T, hd) by per-position angles (T, hd).</summary>
    public static Tensor Rotate(Tensor x, Tensor cos, Tensor sin) => x * cos + RotateHalf(x) * sin;

    static Tensor RotateHalf(Tensor x)
    {
        long half = x.shape[^1] / 2;
        var x1 = x.narrow(-1, 0, half);
        var x2 = x.narrow(-1, half, half);
        return cat([-x2, x1], -1);
    }
}
