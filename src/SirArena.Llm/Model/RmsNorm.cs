using SirArena.Llm.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>
/// Root-mean-square layer norm (Zhang and Sennrich, 2019) as Llama uses it: x / rms(x) * weight, no bias. A lower
/// precision input is normalised in float32 and rounded back before the weight, as Hugging Face's Llama does: the mean
/// of squares over the hidden size is where bfloat16's 8-bit mantissa loses most.
/// </summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Scalar eps;

    public RmsNorm(int dim, double eps) : base(nameof(RmsNorm))
    {
        weight = new Parameter(ones(dim));
        this.eps = TorchScalars.Of(eps);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dtype == ScalarType.Float32 || x.dtype == ScalarType.Float64) return Normalise(x) * weight;
        using var wide = x.to(ScalarType.Float32);
        using var normalised = Normalise(wide);
        return normalised.to(x.dtype) * weight;
    }

    Tensor Normalise(Tensor x) => x * (x * x).mean([-1], keepdim: true).add(eps, TorchScalars.One).rsqrt();
}
