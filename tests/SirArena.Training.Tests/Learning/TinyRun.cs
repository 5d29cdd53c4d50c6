using SirArena.Training.Corpus;
using SirArena.Training.Learning;

namespace SirArena.Training.Tests.Learning;

/// <summary>Options for the smallest run that shows training behaviour: a 2-layer, 32-wide decoder on 128-token windows.</summary>
internal static class TinyRun
{
    public static TrainingOptions Options(string folder, int steps) => new()
    {
        OutputFolder = folder,
        Steps = steps,
        BatchSize = 4,
        ContextLength = 128,
        HiddenSize = 32,
        Layers = 2,
        Heads = 4,
        KeyValueHeads = 2,
        IntermediateSize = 64,
        LearningRate = 1e-2,
        WarmupSteps = 3,
        EvalInterval = 1000,
        EvalWindows = 8,
        CheckpointInterval = 1000,
        CorpusWindows = 96,
        Threads = 1,
        Corpus = new CorpusOptions { ContextLength = 128, MaxRoundsPerWindow = 2, MaxRpsRounds = 60, MaxGroceryRounds = 40 },
    };

    public static double[] Losses(string folder) => File.ReadLines(Path.Combine(folder, "training", "loss.csv")).Skip(1)
        .Select(line => double.Parse(line.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
