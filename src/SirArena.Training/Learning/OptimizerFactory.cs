using SirArena.Llm.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// AdamW (Loshchilov and Hutter 2019) with the usual split: weight decay on the matrices, none on the norms' gains
/// (decaying a gain toward zero only fights the norm). Betas (0.9, 0.95) as small GPTs are commonly trained.
/// </summary>
public static class OptimizerFactory
{
    public static AdamW Create(LlamaForCausalLM model, double learningRate, double weightDecay)
    {
        var decayed = new List<Parameter>();
        var plain = new List<Parameter>();
        foreach (var (_, parameter) in model.named_parameters())
            (parameter.dim() >= 2 ? decayed : plain).Add(parameter);
        var groups = new[]
        {
            new AdamW.ParamGroup(decayed, new AdamW.Options { LearningRate = learningRate, weight_decay = weightDecay, beta1 = 0.9, beta2 = 0.95 }),
            new AdamW.ParamGroup(plain, new AdamW.Options { LearningRate = learningRate, weight_decay = 0, beta1 = 0.9, beta2 = 0.95 }),
        };
        return optim.AdamW(groups, learningRate, beta1: 0.9, beta2: 0.95, weight_decay: weightDecay);
    }

    public static void SetLearningRate(AdamW optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
