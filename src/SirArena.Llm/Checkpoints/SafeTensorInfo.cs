namespace SirArena.Llm.Checkpoints;

/// <summary>
/// One tensor's entry in a safetensors header: the file that holds it, its dtype and shape, and
/// where its bytes lie, counted from the first byte after the header (as the format counts them).
/// </summary>
public sealed record SafeTensorInfo(string File, string Name, SafeTensorsDtype Dtype, long[] Shape)
{
    internal long Begin { get; init; }
    internal long End { get; init; }

    public long ElementCount => Shape.Aggregate(1L, (n, d) => checked(n * d));

    public long ByteCount => checked(ElementCount * Dtype.Size);

    /// <summary>The shape as messages print it, e.g. <c>[32, 64]</c>.</summary>
    public static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
