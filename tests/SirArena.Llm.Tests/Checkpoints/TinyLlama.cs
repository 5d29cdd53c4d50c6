using SirArena.Llm.Tests.Support;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>The smallest Llama that has every kind of tensor: 2 layers, 32 wide, grouped-query attention.</summary>
internal static class TinyLlama
{
    public static LlamaConfig Config(bool tied = false) => TinyModels.Config(kvHeads: 2, tied: tied, vocab: 50);

    /// <summary>Random weights in the shapes config.json implies; tensors go to the caller's dispose scope.</summary>
    public static Dictionary<string, Tensor> RandomWeights(LlamaConfig config, int seed)
    {
        manual_seed(seed);
        return LlamaTensorShapes.For(config).ToDictionary(s => s.Key, s => randn(s.Value));
    }

    /// <summary>What a freshly built model's state_dict would be: the right names and shapes, other values.</summary>
    public static Dictionary<string, Tensor> Blank(LlamaConfig config, ScalarType dtype = ScalarType.Float32) =>
        LlamaTensorShapes.For(config).ToDictionary(s => s.Key, s => zeros(s.Value, dtype));
}
