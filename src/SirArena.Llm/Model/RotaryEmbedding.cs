using SirArena.Llm.Runtime;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>
/// Rotary position embeddings (Su et al., RoFormer) in the Hugging Face Llama layout: the head dimension is split
/// in two halves that rotate as (x1, x2) -> (x1 cos - x2 sin, x2 cos + x1 sin) with angle p * theta^(-2i/d), or
/// the frequencies a checkpoint's <see cref="RopeScaling"/> makes of those.
/// Because a rotation by p2 equals a rotation by p2 - p1 applied after one by p1, keys stored already rotated can
/// be moved to a new cache slot by rotating them by the shift alone (<c>KeyStorage.Rotated</c>, see
/// <c>KvCache.Compact</c>).
/// The angles of positions 0..L-1 are tabulated once, so a forward pass or a shift only looks rows up.
/// </summary>
public sealed class RotaryEmbedding : IDisposable
{
    readonly Tensor cosTable;       // (L, hd): cos of (f, f)
    readonly Tensor signedSinTable; // (L, hd): sin of (f, f) with the first half negated

    /// <summary>Where the tables live: the model's device, so a cache made from them lives there too.</summary>
    public Device Device { get; }

    /// <param name="scaling">config.json's rope_scaling, applied to the frequencies; none when null</param>
    /// <param name="device">CPU when null</param>
    public RotaryEmbedding(int headDim, double theta, int maxPositions, RopeScaling? scaling = null, Device? device = null)
    {
        Device = device ?? CPU;
        var unscaled = RopeScaling.Unscaled(headDim, theta);
        var inverseFrequencies = (scaling?.Apply(unscaled) ?? unscaled).Select(f => (float)f).ToArray();
        using var scope = NewDisposeScope();
        var positions = tensor(Enumerable.Range(0, maxPositions).Select(p => (float)p).ToArray());
        var freqs = outer(positions, tensor(inverseFrequencies)); // (L, hd/2)
        var sin = freqs.sin();
        cosTable = cat([freqs, freqs], -1).cos().to(Device).MoveToOuterDisposeScope().DetachFromDisposeScope();
        signedSinTable = cat([-sin, sin], -1).to(Device).MoveToOuterDisposeScope().DetachFromDisposeScope();
    }

    /// <summary>Angles (T, hd) for the consecutive positions start .. start + count - 1 (views, no copy).</summary>
    public (Tensor Cos, Tensor SignedSin) Angles(long start, long count)
    {
        if (start + count > cosTable.shape[0])
            throw new ArgumentOutOfRangeException(nameof(count), $"positions up to {start + count - 1} exceed the model's max_position_embeddings ({cosTable.shape[0]})");
        return (cosTable.narrow(0, start, count), signedSinTable.narrow(0, start, count));
    }

    /// <summary>Angles (T, hd) of the shifts (each &lt;= 0) that move stored keys toward the front of the cache:
    /// cos(-d) = cos d and sin(-d) = -sin d.</summary>
    public (Tensor Cos, Tensor SignedSin) ShiftAngles(Tensor shifts)
    {
        var distance = shifts.neg();
        return (cosTable.index_select(0, distance), signedSinTable.index_select(0, distance).neg_());
    }

    /// <summary>
    /// Rotates x (..., T, hd) by per-position angles (T, hd): x cos + (x2, x1) * (-sin, sin), which is the
    /// half-split rotation (x1 cos - x2 sin, x2 cos + x1 sin) in three passes over x.
    /// </summary>
    public static Tensor Rotate(Tensor x, Tensor cos, Tensor signedSin) =>
        (x * cos).addcmul_(x.roll(x.shape[^1] / 2, -1), signedSin, TorchScalars.One);

    /// <summary><see cref="Rotate"/> in place, for a tensor that nothing else reads.</summary>
    public static Tensor RotateInPlace(Tensor x, Tensor cos, Tensor signedSin)
    {
        var swapped = x.roll(x.shape[^1] / 2, -1);
        return x.mul_(cos).addcmul_(swapped, signedSin, TorchScalars.One);
    }

    public void Dispose()
    {
        cosTable.Dispose();
        signedSinTable.Dispose();
    }
}
