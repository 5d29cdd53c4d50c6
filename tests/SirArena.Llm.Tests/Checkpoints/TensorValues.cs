using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>Exact comparison of tensors, shape and every element, as the round-trip tests need.</summary>
internal static class TensorValues
{
    public static bool Same(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();
    }
}
