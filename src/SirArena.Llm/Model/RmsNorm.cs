using SirArena.Llm.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>Root-mean-square layer norm (Zhang and Sennrich, 2019) as Llama uses it: x / rms(x) * weight, no bias.</summary>
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
        var rms = (x * x).mean([-1], keepdim: true).add(eps, TorchScalars.One).rsqrt();
        return x * rms * weight;
    }
}
