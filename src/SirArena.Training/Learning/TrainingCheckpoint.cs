using System.Text.Json;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>Where a run stands: the next step to train, the schedule's length, and what was spent so far.</summary>
public sealed record TrainerState(int Step, int TotalSteps, long Tokens, double Seconds, ulong Seed);

/// <summary>
/// A resumable checkpoint, training/checkpoint/: the model in Hugging Face layout (config.json, model.safetensors),
/// AdamW's moments and step counts (TorchSharp's optimizer <c>save_state_dict</c>, optimizer.bin) and the
/// <see cref="TrainerState"/> (state.json). The data order and the schedule are functions of the seed and the step,
/// so nothing else is needed to continue exactly. Written into a fresh folder and swapped in, so a crash while saving
/// leaves the previous checkpoint whole.
/// </summary>
public static class TrainingCheckpoint
{
    const string OptimizerFile = "optimizer.bin";
    const string StateFile = "state.json";

    public static bool ExistsIn(string folder) => File.Exists(Path.Combine(folder, StateFile));

    public static void Save(string folder, LlamaForCausalLM model, AdamW optimizer, TrainerState state)
    {
        string staging = folder + ".saving";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        PretrainedLlama.Save(model, staging);
        optimizer.save_state_dict(Path.Combine(staging, OptimizerFile));
        // state.json last: a staging folder with it is complete.
        File.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(state));
        string old = folder + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(folder)) Directory.Move(folder, old);
        Directory.Move(staging, folder);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    public static TrainerState ReadState(string folder)
    {
        var path = Path.Combine(folder, StateFile);
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty trainer state");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a trainer state ({e.Message}); delete the checkpoint folder to start afresh", e);
        }
    }

    /// <summary>The checkpoint's model, in training mode.</summary>
    public static LlamaForCausalLM LoadModel(string folder, Device? device = null)
    {
        var model = PretrainedLlama.Load(folder, device);
        model.train();
        return model;
    }

    public static void LoadOptimizer(string folder, AdamW optimizer) =>
        optimizer.load_state_dict(Path.Combine(folder, OptimizerFile));
}
