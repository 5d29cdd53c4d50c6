using System.Collections.Concurrent;
using TorchSharp;

namespace SirArena.Llm.Runtime;

/// <summary>
/// TorchSharp Scalars that live as long as the process, for every native call that takes one. A Scalar made on the
/// spot for a call (an implicit conversion, as in <c>t.addcmul_(a, b, 1)</c>, or the alpha of 1 that TorchSharp
/// makes inside <c>a + b</c>) is unreachable once its handle has been read, while the native call still reads it:
/// a collection that another thread triggers in that window runs its finalizer, which frees the native value
/// mid-call (libtorch then fails with "Expected false to be true ... toFloat at c10/core/Scalar.h"). The build
/// bans those calls (build/BannedSymbols.TorchSharp.txt, docs/torchsharp-scalars.md); code takes Scalars from
/// here instead, and these are never collected.
/// </summary>
public static class TorchScalars
{
    static readonly ConcurrentDictionary<long, Scalar> Integers = new();
    static readonly ConcurrentDictionary<double, Scalar> Reals = new();

    public static Scalar One { get; } = Of(1L);

    /// <summary>The integer Scalar <paramref name="value"/>; for constants only, since every value asked for is kept.</summary>
    public static Scalar Of(long value) => Integers.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>The floating-point Scalar <paramref name="value"/>; for constants only, since every value asked for is kept.</summary>
    public static Scalar Of(double value) => Reals.GetOrAdd(value, static v => v.ToScalar());
}
