using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// A contiguous CPU tensor's memory as spans, for copying between files and tensors without a
/// managed copy of the whole tensor. <see cref="Tensor.bytes"/> is a <see cref="Span{T}"/>, so one
/// span holds less than 2 GiB: larger tensors come as consecutive slices.
/// </summary>
internal static class TensorBytes
{
    const long ChunkBytes = 1L << 30;

    /// <summary>Views over consecutive parts of <paramref name="contiguous"/>; the caller disposes each.</summary>
    public static IEnumerable<Tensor> Chunks(Tensor contiguous)
    {
        long count = contiguous.numel();
        if (count == 0) yield break;
        long perChunk = ChunkBytes / contiguous.element_size();
        using var flat = contiguous.view(-1);
        for (long start = 0; start < count; start += perChunk)
            yield return flat.narrow(0, start, Math.Min(perChunk, count - start));
    }
}
