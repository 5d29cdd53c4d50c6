using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>Root-mean-square layer norm (Zhang and Sennrich, 2019) as Llama uses it: x / rms(x) * weight, no bias.</summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly double eps;

    public RmsNorm(int dim, double eps) : base(nameof(RmsNorm))
    {
        weight = new Parameter(ones(dim));
        this.eps = eps;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var rms = x.pow(2).mean([-1], keepdim: true).add(eps).rsqrt();
        return x * rms * weight;
    }
}
