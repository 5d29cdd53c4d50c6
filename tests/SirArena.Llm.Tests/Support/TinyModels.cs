using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using TorchSharp;

namespace SirArena.Llm.Tests.Support;

/// <summary>The smallest decoders that show the behaviour under test: 2 layers, 32 wide, random weights from a seed.</summary>
public static class TinyModels
{
    public static LlamaConfig Config(int kvHeads = 4, bool bias = false, bool tied = false, int vocab = 61) => new()
    {
        VocabSize = vocab,
        HiddenSize = 32,
        IntermediateSize = 64,
        NumHiddenLayers = 2,
        NumAttentionHeads = 4,
        NumKeyValueHeads = kvHeads,
        MaxPositionEmbeddings = 256,
        RopeTheta = 10000,
        AttentionBias = bias,
        TieWordEmbeddings = tied,
    };

    public static LlamaForCausalLM Create(LlamaConfig? config = null, int seed = 1)
    {
        torch.manual_seed(seed);
        var model = new LlamaForCausalLM(config ?? Config());
        // Sharpen the random weights a little so that logits differ clearly between contexts.
        using (torch.no_grad())
            foreach (var (_, p) in model.named_parameters())
                if (p.dim() == 2) p.mul_(TorchScalars.Of(2.0));
        model.eval();
        return model;
    }

    public static int[] Tokens(int count, int vocab = 61, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(vocab)).ToArray();
    }

    public static TorchSharp.torch.Tensor Ids(ReadOnlySpan<int> tokens) =>
        torch.tensor(tokens.ToArray().Select(t => (long)t).ToArray()).view(1, tokens.Length);
}
