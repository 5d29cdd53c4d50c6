using SirArena.Llm.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// Mixed-precision training in bfloat16 (Micikevicius et al., 2018; bfloat16 keeps float32's exponent range, so the
/// loss needs no scaling): a bfloat16 copy of the model runs a step's forward and backward passes, whose matrix
/// products a CPU with bfloat16 units runs about four times as fast, while the float32 model keeps the weights that
/// AdamW updates, that the held-out evaluation runs and that checkpoints and the model files hold. Before each step the
/// copy takes the weights; after the backward pass the float32 model takes the gradients.
/// </summary>
internal sealed class BFloat16Copy : IDisposable
{
    readonly LlamaForCausalLM copy;
    readonly (Parameter Weights, Parameter Copy)[] pairs;

    public BFloat16Copy(LlamaForCausalLM weights)
    {
        copy = new LlamaForCausalLM(weights.Config, weights.Device);
        copy.to(ScalarType.BFloat16);
        copy.train();
        var named = weights.named_parameters().ToArray();
        var copied = copy.named_parameters().ToArray();
        if (!named.Select(p => p.name).SequenceEqual(copied.Select(p => p.name)))
            throw new InvalidOperationException("the bfloat16 copy's parameters do not line up with the model's");
        pairs = [.. named.Zip(copied, (w, c) => (w.parameter, c.parameter))];
    }

    /// <summary>Batches are padded to a multiple of this many positions.</summary>
    public const int LengthStep = 64;

    /// <summary>
    /// The padded length of a batch whose longest window has <paramref name="longest"/> tokens: rounded up to a multiple
    /// of <see cref="LengthStep"/>, within the model's L. The bfloat16 kernels set themselves up anew for each shape they
    /// meet, which costs more than the padding when every batch brings a length of its own (the opening phase).
    /// </summary>
    public static int PaddedLength(int longest, int contextLength) =>
        Math.Max(longest, Math.Min(contextLength, (longest + LengthStep - 1) / LengthStep * LengthStep));

    /// <summary>The copy, in bfloat16, for the step's forward pass.</summary>
    public LlamaForCausalLM Model => copy;

    /// <summary>Copies the float32 weights into the copy (rounded to bfloat16) and clears its gradients.</summary>
    public void TakeWeights()
    {
        using (no_grad())
            foreach (var (weights, copied) in pairs) copied.copy_(weights);
        copy.zero_grad();
    }

    /// <summary>Sets each float32 weight's gradient to the copy's, after the backward pass.</summary>
    public void GiveGradients()
    {
        using var _ = no_grad();
        foreach (var (weights, copied) in pairs)
            weights.grad = copied.grad?.to(ScalarType.Float32);
    }

    public void Dispose() => copy.Dispose();
}
