using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// GPT-2's initialisation (Radford et al. 2019): every matrix drawn from N(0, 0.02), the projections that write into
/// the residual stream (o_proj, down_proj) scaled by 1/sqrt(2 x layers) so the stream's variance does not grow with
/// depth; norms start at one. TorchSharp's defaults (N(0, 1) embeddings, Kaiming-uniform linears) train a small
/// decoder visibly slower.
/// </summary>
public static class WeightInit
{
    public const double Std = 0.02;

    public static void Apply(LlamaForCausalLM model)
    {
        double residual = Std / Math.Sqrt(2.0 * model.Config.NumHiddenLayers);
        using var _ = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.dim() < 2) continue;
            bool writesResidual = name.EndsWith("o_proj.weight", StringComparison.Ordinal) || name.EndsWith("down_proj.weight", StringComparison.Ordinal);
            nn.init.normal_(parameter, 0, writesResidual ? residual : Std);
        }
    }
}
