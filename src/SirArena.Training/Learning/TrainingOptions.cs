using SirArena.Llm.Model;
using SirArena.Training.Corpus;

namespace SirArena.Training.Learning;

/// <summary>
/// Everything a training run is given, with defaults for the default model on a 2-core machine: a Llama-family
/// decoder of about 3.4 million parameters (d 256, 4 layers, 8 query heads sharing 4 key/value heads, SwiGLU width
/// 688, L = 512) as issue 8 sizes it, batches of 8 windows, AdamW at 2e-3 with 100 warm-up steps and a cosine decay
/// to a tenth. <see cref="Steps"/> fixes the schedule; without it the run measures its speed and fits the schedule
/// into <see cref="TimeBudget"/>. Validated when the trainer starts, each message naming the setting.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The model folder written: config.json, model.safetensors, vocab.json + merges.txt, tokenizer.json + tokenizer_config.json (training/ holds logs).</summary>
    public required string OutputFolder { get; init; }
    public ulong Seed { get; init; } = 1;
    public int? Steps { get; init; }
    public TimeSpan? TimeBudget { get; init; }
    public int BatchSize { get; init; } = 8;
    public int ContextLength { get; init; } = 512;
    public int HiddenSize { get; init; } = 256;
    public int Layers { get; init; } = 4;
    public int Heads { get; init; } = 8;
    public int KeyValueHeads { get; init; } = 4;
    public int IntermediateSize { get; init; } = 688;
    public int VocabularySize { get; init; } = 1024;
    public double LearningRate { get; init; } = 2e-3;
    public double MinLearningRateRatio { get; init; } = 0.1;
    public int WarmupSteps { get; init; } = 100;
    public double WeightDecay { get; init; } = 0.1;
    public double GradientClip { get; init; } = 1.0;
    /// <summary>Weight of the next-token loss on the text beside the answer loss (see <see cref="WindowLoss"/>).</summary>
    public double TextWeight { get; init; } = 0.5;
    /// <summary>How much a grocery recall answer weighs in the answer loss against any other answer.</summary>
    public double RecallWeight { get; init; } = 3.0;
    /// <summary>How much an answer that follows a visible rule (a sequence player's next move) weighs against any other
    /// answer.</summary>
    public double RuleWeight { get; init; } = 1.0;
    /// <summary>How much the opponent's reported move weighs in the text loss against any other text token.</summary>
    public double MoveWeight { get; init; } = 1.0;
    public LossWeights LossWeights => new((float)RecallWeight, (float)RuleWeight, (float)MoveWeight);
    /// <summary>
    /// The first steps train on grocery openings (<see cref="TrainingWindow.Opening"/>) and Rock-Paper-Scissors windows
    /// (see <see cref="OpeningFirstBatches"/>): reading a request back forms on openings, while in the full mix, where
    /// most recalls sit in long or compacted contexts, it did not form at all. Afterwards batches come from the whole pool.
    /// </summary>
    public int OpeningSteps { get; init; } = 1500;
    /// <summary>The share of an opening step's batch that are openings; Rock-Paper-Scissors windows fill the rest.
    /// Copying a made-up item forms on openings alone and not beside long windows, whose many answers and text
    /// tokens outweigh the recalls (docs/results.md, "A general reader"); counting forms later, on the whole pool.</summary>
    public double OpeningBatchShare { get; init; } = 1.0;
    public int EvalInterval { get; init; } = 250;
    public int EvalWindows { get; init; } = 384;
    public int CheckpointInterval { get; init; } = 250;
    /// <summary>Windows in the training pool; batches walk seeded permutations of it, epoch after epoch.</summary>
    public int CorpusWindows { get; init; } = 49_152;
    public int? Threads { get; init; }
    /// <summary>The number format of the forward and backward passes (<see cref="TrainingPrecision"/>).</summary>
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Fp32;
    /// <summary>Where the model trains: cpu, cuda or cuda:N (<see cref="SirArena.Llm.Runtime.ComputeDevice"/>).</summary>
    public string Device { get; init; } = SirArena.Llm.Runtime.ComputeDevice.Cpu;
    /// <summary>Continue from training/checkpoint when one is there.</summary>
    public bool Resume { get; init; } = true;
    /// <summary>The grocery scenario whose questions (and items, beside made-up ones) the corpus uses.</summary>
    public string GroceryScenario { get; init; } = "grocery";
    /// <summary>Grocery streams request made-up items too (<see cref="ItemPool"/>), so that reading a request back is a copy.</summary>
    public bool InventItems { get; init; } = true;
    /// <summary>The scenarios folder; the repository's scenarios/ when null.</summary>
    public string? ScenariosFolder { get; init; }
    public CorpusOptions Corpus { get; init; } = new();

    public string TrainingFolder => Path.Combine(OutputFolder, "training");
    public string CheckpointFolder => Path.Combine(TrainingFolder, "checkpoint");

    public LlamaConfig ModelConfig(int vocabularySize) => new LlamaConfig
    {
        VocabSize = vocabularySize,
        HiddenSize = HiddenSize,
        IntermediateSize = IntermediateSize,
        NumHiddenLayers = Layers,
        NumAttentionHeads = Heads,
        NumKeyValueHeads = KeyValueHeads,
        MaxPositionEmbeddings = ContextLength,
        RmsNormEps = 1e-5,
    }.Validate();

    public TrainingOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw new ArgumentException("the output folder must be named (--out)");
        if (Steps is null && TimeBudget is null) throw new ArgumentException("give a number of steps (--steps) or a time budget (--minutes), or both");
        Positive(Steps ?? 1, "steps");
        if (TimeBudget is { } budget && budget <= TimeSpan.Zero) throw new ArgumentException($"the time budget must be positive, got {budget}");
        Positive(BatchSize, "batch size");
        Positive(EvalInterval, "eval interval");
        Positive(EvalWindows, "eval windows");
        Positive(CheckpointInterval, "checkpoint interval");
        Positive(CorpusWindows, "corpus windows");
        if (OpeningSteps < 0) throw new ArgumentException($"opening steps must be >= 0, got {OpeningSteps}");
        if (OpeningBatchShare is < 0 or > 1) throw new ArgumentException($"the opening share of a batch must lie in [0, 1], got {OpeningBatchShare}");
        if (WarmupSteps < 0) throw new ArgumentException($"warm-up steps must be >= 0, got {WarmupSteps}");
        if (!(LearningRate > 0)) throw new ArgumentException($"the learning rate must be > 0, got {LearningRate}");
        if (MinLearningRateRatio is < 0 or > 1) throw new ArgumentException($"the final learning rate ratio must lie in [0, 1], got {MinLearningRateRatio}");
        if (RecallWeight < 0) throw new ArgumentException($"the recall answer weight must be >= 0, got {RecallWeight}");
        if (RuleWeight < 0) throw new ArgumentException($"the rule answer weight must be >= 0, got {RuleWeight}");
        if (MoveWeight < 0) throw new ArgumentException($"the opponent move weight must be >= 0, got {MoveWeight}");
        if (TextWeight < 0) throw new ArgumentException($"the text loss weight must be >= 0, got {TextWeight}");
        if (Corpus.ContextLength != ContextLength) throw new ArgumentException($"the corpus context length ({Corpus.ContextLength}) must equal the model's L ({ContextLength})");
        Corpus.Validate();
        ModelConfig(VocabularySize);
        return this;
    }

    static void Positive(int value, string name)
    {
        if (value <= 0) throw new ArgumentException($"{name} must be a positive number, got {value}");
    }
}
