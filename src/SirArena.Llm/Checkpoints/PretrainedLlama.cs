using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// A <see cref="LlamaForCausalLM"/> to and from a Hugging Face checkpoint folder (config.json + safetensors).
/// Weights stored as fp16 or bf16 are widened to fp32, in which the engine computes.
/// </summary>
public static class PretrainedLlama
{
    /// <param name="device">where the weights go (CPU when null); they are read on the CPU and copied there</param>
    public static LlamaForCausalLM Load(string folder, Device? device = null)
    {
        using var checkpoint = CheckpointReader.Open(folder);
        var model = new LlamaForCausalLM(checkpoint.Config, device);
        try
        {
            checkpoint.LoadInto(model.state_dict());
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return model;
    }

    public static void Save(LlamaForCausalLM model, string folder, ScalarType storeAs = ScalarType.Float32, long? maxShardBytes = null) =>
        CheckpointWriter.Write(folder, model.Config, model.state_dict(), storeAs, maxShardBytes);
}
