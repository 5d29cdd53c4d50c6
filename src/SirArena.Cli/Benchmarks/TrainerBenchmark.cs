using System.Diagnostics;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Simulation.Scenarios;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;
using SirArena.Training.Tokenization;
using static TorchSharp.torch;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// The trainer's step against a bare TorchSharp loop, in one process, alternating: the bare loop trains the same
/// model shape on random ids (every position real, mean next-token cross-entropy, backward, AdamW, nothing else);
/// the trainer runs its real <see cref="TrainingStep"/> on corpus windows and writes the loss log as the training
/// loop does. Both are timed in turns, a few steps each per repeat, so a busy shared machine slows both alike; the
/// ratio is the median of the repeats' ratios. The trainer's step is broken down by phase.
/// </summary>
public sealed class TrainerBenchmark(TextWriter output)
{
    const int PoolWindows = 512;
    const int WarmupSteps = 2;

    public void Run(int repeats, int steps, int threads, bool openings, TrainingPrecision precision)
    {
        TorchRuntime.EnsureLoaded();
        set_num_threads(threads);
        var options = new TrainingOptions { OutputFolder = Path.Combine(Path.GetTempPath(), $"sirarena-bench-train-{Environment.ProcessId}"), Steps = 1, Precision = precision };
        try
        {
            Run(options, repeats, steps, openings);
        }
        finally
        {
            if (Directory.Exists(options.OutputFolder)) Directory.Delete(options.OutputFolder, recursive: true);
        }
    }

    void Run(TrainingOptions options, int repeats, int steps, bool openings)
    {
        Directory.CreateDirectory(options.TrainingFolder);
        var catalog = ScenarioCatalog.LoadDefault();
        var grocery = catalog.Names.Select(catalog.Get).OfType<GroceryScenarioDefinition>().First();
        var tokenizer = ScenarioTokenizer.Build(options.OutputFolder, grocery, options.Seed, options.VocabularySize);
        var pool = new CorpusGenerator(new ChunkEncoder(tokenizer), grocery, options.Corpus).Generate(options.Seed, "train", PoolWindows);
        // The opening phase's batches (the trainer's share of grocery openings, the rest Rock-Paper-Scissors) or the whole pool's.
        var batches = new OpeningFirstBatches(pool, options.BatchSize, openings ? int.MaxValue : 0, options.Seed, options.OpeningBatchShare);
        var config = options.ModelConfig(tokenizer.VocabSize);

        manual_seed(1);
        using var bareModel = NewModel(config);
        using var bareOptimizer = optim.AdamW(bareModel.parameters(), options.LearningRate, beta1: 0.9, beta2: 0.95, weight_decay: options.WeightDecay);
        var bare = new BareStep(bareModel, bareOptimizer, options.BatchSize, options.ContextLength, tokenizer.VocabSize);

        using var model = NewModel(config);
        using var optimizer = OptimizerFactory.Create(model, options.LearningRate, options.WeightDecay);
        using var trainer = new TrainingStep(model, optimizer, options);
        using var log = new LossLog(Path.Combine(options.TrainingFolder, "loss.csv"), 0);
        long logTicks = 0, tokensSoFar = 0;
        int step = 0;
        (long Real, long Padded) TrainerSteps(int count)
        {
            long real = 0, padded = 0;
            for (int i = 0; i < count; i++, step++)
            {
                var result = trainer.Run(batches.At(step).Select(w => pool[w]).ToArray(), options.LearningRate);
                long started = Stopwatch.GetTimestamp();
                tokensSoFar += result.Tokens;
                log.Write(step + 1, options.LearningRate, result.Loss, result.Answer, result.Text, tokensSoFar, 0);
                logTicks += Stopwatch.GetTimestamp() - started;
                real += result.Tokens;
                padded += result.PaddedTokens;
            }
            return (real, padded);
        }

        output.WriteLine($"model: {model.parameters().Sum(p => p.numel()) / 1e6:F2}M parameters ({options.Layers} layers, d {options.HiddenSize}, " +
                         $"vocab {tokenizer.VocabSize}, L {options.ContextLength}); batch {options.BatchSize}; trainer in {options.Precision.ToString().ToLowerInvariant()}; torch threads {get_num_threads()}, interop {get_num_interop_threads()}");
        output.WriteLine($"trainer pool: {pool.Count} corpus windows, mean {pool.Average(w => w.Ids.Length):F0} tokens, {(batches.OpeningSteps > 0 ? "opening-phase" : "whole-pool")} batches; " +
                         $"{WarmupSteps} warm-up steps each, then {repeats} repeats of {steps} bare steps and {steps} trainer steps in turn");
        output.WriteLine();

        bare.Steps(WarmupSteps);
        TrainerSteps(WarmupSteps);
        bare.Timings.Clear();
        trainer.Timings.Reset();
        logTicks = 0;

        var bareRates = new List<double>();
        var realRates = new List<double>();
        var paddedRates = new List<double>();
        var ratios = new List<double>();
        long real = 0, padded = 0;
        for (int r = 0; r < repeats; r++)
        {
            long started = Stopwatch.GetTimestamp();
            long bareTokens = bare.Steps(steps);
            double bareSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            var tokens = TrainerSteps(steps);
            double trainerSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            bareRates.Add(bareTokens / bareSeconds);
            realRates.Add(tokens.Real / trainerSeconds);
            paddedRates.Add(tokens.Padded / trainerSeconds);
            ratios.Add(bareRates[^1] / realRates[^1]);
            real += tokens.Real;
            padded += tokens.Padded;
        }

        int measured = repeats * steps;
        output.WriteLine("| loop | tokens/s | padded tokens/s | ms / step |");
        output.WriteLine("|---|---:|---:|---:|");
        output.WriteLine($"| bare | {Median.Of(bareRates):F0} | {Median.Of(bareRates):F0} | {bare.Timings.Values.Sum(t => Stopwatch.GetElapsedTime(0, t).TotalMilliseconds) / measured:F0} |");
        output.WriteLine($"| trainer | {Median.Of(realRates):F0} | {Median.Of(paddedRates):F0} | {(trainer.Timings.Total.TotalMilliseconds + Stopwatch.GetElapsedTime(0, logTicks).TotalMilliseconds) / measured:F0} |");
        output.WriteLine();
        output.WriteLine($"bare / trainer (real tokens/s): {Median.Of(ratios):F2}x (repeats {string.Join(", ", ratios.Select(x => x.ToString("F2")))}); " +
                         $"real tokens {(double)real / padded:P1} of the trainer's padded batches");
        output.WriteLine();
        output.WriteLine("| phase | bare ms / step | trainer ms / step |");
        output.WriteLine("|---|---:|---:|");
        foreach (var phase in StepTimings.Phases)
        {
            string bareMs = bare.Timings.TryGetValue(phase, out long ticks) ? $"{Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / measured:F1}" : "-";
            output.WriteLine($"| {phase} | {bareMs} | {trainer.Timings[phase].TotalMilliseconds / measured:F1} |");
        }
        output.WriteLine($"| logging | - | {Stopwatch.GetElapsedTime(0, logTicks).TotalMilliseconds / measured:F2} |");
    }

    static LlamaForCausalLM NewModel(LlamaConfig config)
    {
        var model = new LlamaForCausalLM(config);
        WeightInit.Apply(model);
        model.train();
        return model;
    }

    /// <summary>The bare loop: random ids, every position real, mean next-token loss, backward, AdamW.</summary>
    sealed class BareStep(LlamaForCausalLM model, TorchSharp.Modules.AdamW optimizer, int batchSize, int length, int vocabularySize)
    {
        public Dictionary<string, long> Timings { get; } = [];

        public long Steps(int count)
        {
            for (int i = 0; i < count; i++)
            {
                using var scope = NewDisposeScope();
                long mark = Stopwatch.GetTimestamp();
                var ids = randint(vocabularySize, [batchSize, length + 1]);
                var inputs = ids.narrow(1, 0, length);
                var targets = ids.narrow(1, 1, length);
                optimizer.zero_grad();
                mark = Mark("batch", mark);
                var logits = model.forward(inputs);
                mark = Mark("forward", mark);
                var loss = nn.functional.cross_entropy(logits.reshape(-1, vocabularySize), targets.reshape(-1));
                mark = Mark("loss", mark);
                loss.backward();
                mark = Mark("backward", mark);
                optimizer.step();
                loss.item<float>();
                Mark("optimizer", mark);
            }
            return (long)count * batchSize * length;
        }

        long Mark(string phase, long since)
        {
            long now = Stopwatch.GetTimestamp();
            Timings[phase] = Timings.GetValueOrDefault(phase) + now - since;
            return now;
        }
    }
}
