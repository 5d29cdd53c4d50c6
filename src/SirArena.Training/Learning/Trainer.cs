using System.Diagnostics;
using System.Text.Json;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tokenizers;
using SirArena.Simulation.Scenarios;
using SirArena.Training.Corpus;
using SirArena.Training.Tokenization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// Trains the default model end to end (issue 8): the scenario tokenizer, the compacted-context corpus, then AdamW
/// steps on batches of windows with warm-up and cosine decay, gradient clipping and a fixed seed, a loss log,
/// periodic held-out evaluation and resumable checkpoints. The model folder it leaves is what LanguageModel.Load
/// reads; logs and checkpoints go to its training/ subfolder, which the model's content hash ignores.
/// </summary>
public sealed class Trainer(TrainingOptions options, IProgress<TrainingProgress>? progress = null)
{
    /// <summary>Steps timed before a time-budgeted run fixes its schedule's length (the first one is not timed).</summary>
    public const int CalibrationSteps = 8;

    public TrainingSummary Run(CancellationToken cancellationToken = default)
    {
        options.Validate();
        TorchRuntime.EnsureLoaded();
        var device = ComputeDevice.Parse(options.Device);
        set_num_threads(options.Threads ?? Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        var (grocery, items) = GroceryItems(); // the scenarios are read before the model folder is made: a bad one leaves nothing behind
        Directory.CreateDirectory(options.TrainingFolder);

        bool resuming = options.Resume && TrainingCheckpoint.ExistsIn(options.CheckpointFolder);
        var state = resuming ? TrainingCheckpoint.ReadState(options.CheckpointFolder) : new TrainerState(0, options.Steps ?? 0, 0, 0, options.Seed);
        if (state.Seed != options.Seed)
            throw new ArgumentException($"{options.CheckpointFolder} was trained with seed {state.Seed}; pass that seed to resume, or delete the folder to start afresh");
        if (options.Steps is { } steps) state = state with { TotalSteps = steps };

        var tokenizer = resuming && BpeFiles.ArePresentIn(options.OutputFolder)
            ? TextTokenizer.Load(options.OutputFolder)
            : ScenarioTokenizer.Build(options.OutputFolder, grocery, options.Seed, options.VocabularySize, items);
        var generator = new CorpusGenerator(new ChunkEncoder(tokenizer), grocery, options.Corpus, items);
        var pool = generator.Generate(options.Seed, "train", options.CorpusWindows);
        var heldOut = generator.Generate(options.Seed, "eval", options.EvalWindows, perStream: 3);
        Say($"tokenizer {tokenizer.VocabSize} tokens; corpus {pool.Count:N0} windows ({pool.Sum(w => (long)w.Ids.Length):N0} tokens, " +
            $"{pool.Sum(w => w.Answers.Length):N0} answers: {AnswerKinds(pool)}) + {heldOut.Count} held out ({AnswerKinds(heldOut)}), in {clock.Elapsed.TotalSeconds:F0} s");

        using var model = resuming ? TrainingCheckpoint.LoadModel(options.CheckpointFolder, device) : NewModel(tokenizer.VocabSize, device);
        using var optimizer = OptimizerFactory.Create(model, options.LearningRate, options.WeightDecay);
        if (resuming)
        {
            TrainingCheckpoint.LoadOptimizer(options.CheckpointFolder, optimizer);
            Say($"resumed at step {state.Step} from {options.CheckpointFolder}");
        }
        long parameters = model.parameters().Sum(p => p.numel());
        Say($"model: {parameters:N0} parameters ({options.Layers} layers, d {options.HiddenSize}, L {options.ContextLength}), trained in {options.Precision.ToString().ToLowerInvariant()}");

        var loop = new TrainingLoop(options, model, optimizer, pool, heldOut, progress);
        var (finalState, lastLoss, completed) = loop.Run(state, clock, cancellationToken);

        PretrainedLlama.Save(model, options.OutputFolder);
        var evaluation = Evaluation.Run(model, heldOut, options.BatchSize);
        var summary = new TrainingSummary(Path.GetFullPath(options.OutputFolder), finalState.Step, finalState.TotalSteps, finalState.Tokens,
            finalState.Seconds, loop.TokensPerSecond, lastLoss, parameters, tokenizer.VocabSize, evaluation, completed);
        File.WriteAllText(Path.Combine(options.TrainingFolder, "summary.json"),
            JsonSerializer.Serialize(new { summary, options, evaluation = evaluation.ByGroup.ToDictionary(g => g.Key, g => new { g.Value.Correct, g.Value.Total }) },
                new JsonSerializerOptions { WriteIndented = true }));
        return summary;
    }

    static string AnswerKinds(IEnumerable<TrainingWindow> windows) => string.Join(", ",
        windows.SelectMany(w => w.Answers).CountBy(a => a.Kind).OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value:N0}"));

    /// <summary>
    /// The grocery scenario the corpus is written from (<see cref="TrainingOptions.GroceryScenario"/>), and the item pool:
    /// made-up items plus that scenario's own, never an item that only another grocery scenario lists. A scenario
    /// with items of its own is therefore a held-out test of reading requests back on items never trained.
    /// </summary>
    (GroceryScenarioDefinition Grocery, ItemPool? Items) GroceryItems()
    {
        var catalog = options.ScenariosFolder is { } folder ? ScenarioCatalog.Load(folder) : ScenarioCatalog.LoadDefault();
        var groceries = catalog.Names.Select(catalog.Get).OfType<GroceryScenarioDefinition>().ToList();
        var grocery = groceries.FirstOrDefault(g => g.Name == options.GroceryScenario)
            ?? throw new InvalidDataException(groceries.Count == 0
                ? $"{catalog.Folder}: no grocery scenario file; the corpus needs one for its items and questions"
                : $"{catalog.Folder}: no grocery scenario named \"{options.GroceryScenario}\" for the corpus; grocery scenarios there: {string.Join(", ", groceries.Select(g => g.Name))}");
        if (!options.InventItems) return (grocery, null);
        var heldOut = groceries.SelectMany(g => g.Items).Except(grocery.Items, StringComparer.OrdinalIgnoreCase);
        return (grocery, new ItemPool(grocery.Items, heldOut, options.Corpus.ShippedItemShare));
    }

    /// <summary>A freshly initialised model on <paramref name="device"/>. The weights are drawn on the CPU, whose
    /// generator the seed fixes, and copied over, so a seed starts from the same weights on every device.</summary>
    LlamaForCausalLM NewModel(int vocabularySize, Device device)
    {
        manual_seed((long)(options.Seed & long.MaxValue));
        var model = new LlamaForCausalLM(options.ModelConfig(vocabularySize));
        WeightInit.Apply(model);
        if (device.type != DeviceType.CPU)
        {
            using var initial = model;
            model = new LlamaForCausalLM(initial.Config, device);
            var drawn = initial.state_dict();
            using (no_grad())
                foreach (var (name, tensor) in model.state_dict())
                    tensor.copy_(drawn[name]);
        }
        model.train();
        return model;
    }

    void Say(string message) => progress?.Report(new TrainingProgress(0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, null, message));
}
