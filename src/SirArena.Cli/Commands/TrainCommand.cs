using System.CommandLine;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;
using SirArena.Llm.Runtime;
using SirArena.Training.Corpus;
using SirArena.Training.Learning;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena train</c>: trains the default model into a Hugging Face model folder, e.g.
/// <c>sirarena train --steps 7000 --seed 1 --precision bf16</c>. Progress goes to stderr, one line per step
/// (rewritten in place on a terminal), and a summary to stdout. Ctrl+C stops after the current step and still saves
/// the model and a checkpoint, from which the same command resumes.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingOptions { OutputFolder = "" };
        var output = new Option<string?>("--out") { Description = "model folder to write (config.json, model.safetensors, tokenizer files; logs in training/) (default: the configuration's Arena:Model, models/sir-tiny)" };
        var minutes = NumberOptions.Optional<double>("--minutes", "time budget; without --steps the schedule is fitted to it", "a positive number of minutes", v => v > 0);
        var steps = NumberOptions.Optional<int>("--steps", "optimizer steps (fixes the schedule exactly)", "a whole number of steps, 1 or more", v => v >= 1);
        var seed = NumberOptions.WithDefault<ulong>("--seed", "seed of the corpus, the data order and the initial weights", "a whole number, 0 or more", _ => true, defaults.Seed);
        var batch = NumberOptions.WithDefault<int>("--batch-size", "windows per step", "a whole number, 1 or more", v => v >= 1, defaults.BatchSize);
        var length = NumberOptions.WithDefault<int>("--context-length", "pre-training length L (max_position_embeddings)", "a whole number, 1 or more", v => v >= 1, defaults.ContextLength);
        var hidden = NumberOptions.WithDefault<int>("--hidden-size", "model width d", "a whole number, 1 or more", v => v >= 1, defaults.HiddenSize);
        var layers = NumberOptions.WithDefault<int>("--layers", "decoder layers", "a whole number, 1 or more", v => v >= 1, defaults.Layers);
        var heads = NumberOptions.WithDefault<int>("--heads", "query heads", "a whole number, 1 or more", v => v >= 1, defaults.Heads);
        var kvHeads = NumberOptions.WithDefault<int>("--kv-heads", "key/value heads", "a whole number, 1 or more", v => v >= 1, defaults.KeyValueHeads);
        var intermediate = NumberOptions.WithDefault<int>("--intermediate-size", "SwiGLU width", "a whole number, 1 or more", v => v >= 1, defaults.IntermediateSize);
        var vocab = NumberOptions.WithDefault<int>("--vocab-size", "largest tokenizer vocabulary (it stops earlier once every word is one token)", "a whole number, 1 or more", v => v >= 1, defaults.VocabularySize);
        var lr = NumberOptions.WithDefault<double>("--lr", "peak learning rate", "a positive number", v => v > 0, defaults.LearningRate);
        var warmup = NumberOptions.WithDefault<int>("--warmup", "warm-up steps", "a whole number, 0 or more", v => v >= 0, defaults.WarmupSteps);
        var openingSteps = NumberOptions.WithDefault<int>("--opening-steps", "first steps trained on grocery openings, where reading a request back is learnt, and Rock-Paper-Scissors", "a whole number, 0 or more", v => v >= 0, defaults.OpeningSteps);
        var openingBatchShare = NumberOptions.WithDefault<double>("--opening-batch-share", "share of an opening step's batch that are openings (the rest Rock-Paper-Scissors)", "a fraction from 0 to 1", v => v is >= 0 and <= 1, defaults.OpeningBatchShare);
        var evalEvery = NumberOptions.WithDefault<int>("--eval-interval", "steps between held-out evaluations", "a whole number, 1 or more", v => v >= 1, defaults.EvalInterval);
        var evalWindows = NumberOptions.WithDefault<int>("--eval-windows", "held-out windows per evaluation", "a whole number, 1 or more", v => v >= 1, defaults.EvalWindows);
        var textWeight = NumberOptions.WithDefault<double>("--text-weight", "weight of the next-token loss on the text beside the answer loss", "a number, 0 or more", v => v >= 0, defaults.TextWeight);
        var recallWeight = NumberOptions.WithDefault<double>("--recall-weight", "weight of a grocery recall answer against other answers", "a number, 0 or more", v => v >= 0, defaults.RecallWeight);
        var ruleWeight = NumberOptions.WithDefault<double>("--rule-weight", "with --players sequences, weight of an answer that follows a visible rule against other answers", "a number, 0 or more", v => v >= 0, defaults.RuleWeight);
        var moveWeight = NumberOptions.WithDefault<double>("--move-weight", "weight of the opponent's reported move in the text loss against other text tokens", "a number, 0 or more", v => v >= 0, defaults.MoveWeight);
        var saveEvery = NumberOptions.WithDefault<int>("--checkpoint-interval", "steps between checkpoints", "a whole number, 1 or more", v => v >= 1, defaults.CheckpointInterval);
        var corpus = NumberOptions.WithDefault<int>("--corpus-windows", "training windows generated", "a whole number, 1 or more", v => v >= 1, defaults.CorpusWindows);
        var threads = NumberOptions.Optional<int>("--threads", "CPU threads for TorchSharp (default: all cores)", "a whole number of threads, 1 or more", v => v >= 1);
        var precision = EnumOptions.WithDefault<TrainingPrecision>("--precision", "number format of the forward and backward passes: fp32, or bf16 with the weights kept in float32 (faster on a CPU with bfloat16 units, docs/benchmarks.md)", defaults.Precision);
        var fresh = new Option<bool>("--fresh") { Description = "ignore an existing checkpoint and start again" };
        var groceryShare = NumberOptions.WithDefault<double>("--grocery-share", "fraction of the corpus's streams that are grocery dialogues (the rest Rock-Paper-Scissors)", "a fraction from 0 to 1", v => v is >= 0 and <= 1, defaults.Corpus.GroceryShare);
        var openingShare = NumberOptions.WithDefault<double>("--opening-share", "fraction of the corpus's streams that are grocery openings (a match's first requests and recalls, 0-3 questions apart, in a short context)", "a fraction from 0 to 1", v => v is >= 0 and <= 1, defaults.Corpus.OpeningShare);
        var shippedShare = NumberOptions.WithDefault<double>("--shipped-item-share", "fraction of a grocery stream's items taken from the grocery scenario's own list (the rest are made up)", "a fraction from 0 to 1", v => v is >= 0 and <= 1, defaults.Corpus.ShippedItemShare);
        var players = EnumOptions.WithDefault<RpsPlayers>("--players", "Rock-Paper-Scissors players of the corpus: counting (answers beat the most frequent visible move) or sequences (on full and StreamingLLM memories, cycles of period 2-6 and reply players too, and answers there follow a visible rule)", defaults.Corpus.Players);
        var sequenceShare = NumberOptions.WithDefault<double>("--sequence-share", "with --players sequences, fraction of the Rock-Paper-Scissors streams on full and StreamingLLM memories that draw a sequence player", "a fraction from 0 to 1", v => v is >= 0 and <= 1, defaults.Corpus.SequenceShare);
        var policies = EnumOptions.WithDefault<PolicyFamily>("--policies", "memory policies that compact the corpus: paper (full, streaming, sir with eta 0.7-1.0) or wide (sinks or none, recent windows, eta 0.5-1.0, random thinning)", defaults.Corpus.Policies);
        var scenarios = new Option<string?>("--scenarios") { Description = "scenarios folder (default: the configuration's Arena:Scenarios, scenarios/)" };

        var command = new Command("train", "train the default model on the project's own scenarios, compacted by the real memory policies")
        {
            output, minutes, steps, seed, batch, length, hidden, layers, heads, kvHeads, intermediate, vocab, lr, warmup, openingSteps, openingBatchShare,
            evalEvery, evalWindows, textWeight, recallWeight, ruleWeight, moveWeight, saveEvery, corpus, groceryShare, openingShare, shippedShare, players, sequenceShare, policies, precision, threads, fresh, scenarios,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            int contextLength = parse.GetValue(length);
            var options = new TrainingOptions
            {
                OutputFolder = parse.GetValue(output) ?? "",
                Device = GlobalOptions.Device(parse) ?? ComputeDevice.Cpu,
                TimeBudget = parse.GetValue(minutes) is { } m ? TimeSpan.FromMinutes(m) : null,
                Steps = parse.GetValue(steps),
                Seed = parse.GetValue(seed),
                BatchSize = parse.GetValue(batch),
                ContextLength = contextLength,
                HiddenSize = parse.GetValue(hidden),
                Layers = parse.GetValue(layers),
                Heads = parse.GetValue(heads),
                KeyValueHeads = parse.GetValue(kvHeads),
                IntermediateSize = parse.GetValue(intermediate),
                VocabularySize = parse.GetValue(vocab),
                LearningRate = parse.GetValue(lr),
                WarmupSteps = parse.GetValue(warmup),
                OpeningSteps = parse.GetValue(openingSteps),
                OpeningBatchShare = parse.GetValue(openingBatchShare),
                EvalInterval = parse.GetValue(evalEvery),
                EvalWindows = parse.GetValue(evalWindows),
                TextWeight = parse.GetValue(textWeight),
                RecallWeight = parse.GetValue(recallWeight),
                RuleWeight = parse.GetValue(ruleWeight),
                MoveWeight = parse.GetValue(moveWeight),
                CheckpointInterval = parse.GetValue(saveEvery),
                CorpusWindows = parse.GetValue(corpus),
                Threads = parse.GetValue(threads),
                Precision = parse.GetValue(precision),
                Resume = !parse.GetValue(fresh),
                ScenariosFolder = parse.GetValue(scenarios),
                Corpus = defaults.Corpus with { ContextLength = contextLength, GroceryShare = parse.GetValue(groceryShare), OpeningShare = parse.GetValue(openingShare),
                    ShippedItemShare = parse.GetValue(shippedShare),
                    Players = parse.GetValue(players), SequenceShare = parse.GetValue(sequenceShare), Policies = parse.GetValue(policies) },
            };
            return UserErrors.RunAsync(parse, () =>
            {
                options = WithConfiguredFolders(parse, options);
                OutputFolder.Check(Path.GetFullPath(options.OutputFolder), "--out");
                return Task.FromResult(Run(options, parse.InvocationConfiguration, cancellationToken));
            });
        });
        return command.WithExamples(
            new HelpExample("sirarena train --steps 7000 --seed 1 --precision bf16", "the default model, into the configuration's model folder (models/sir-tiny), as its model card says"),
            new HelpExample("sirarena train --out /tmp/sir-88 --minutes 88 --seed 1", "a model whose schedule is fitted to 88 minutes"),
            new HelpExample("sirarena train --out /tmp/sir-small --steps 300 --layers 2 --fresh", "a small model from scratch, for trying the trainer"));
    }

    /// <summary>
    /// The model and scenarios folders the configuration names (arena.json's Arena:Model and Arena:Scenarios, relative
    /// to that file), where --out or --scenarios does not name them: the model `train` writes is the one `play` loads,
    /// from whatever folder the command runs in.
    /// </summary>
    static TrainingOptions WithConfiguredFolders(ParseResult parse, TrainingOptions options)
    {
        if (options.OutputFolder.Length > 0 && options.ScenariosFolder is not null) return options;
        var builder = ArenaHost.CreateBuilder(parse);
        var arena = new ArenaOptions();
        string Configured(string key, string fallback) =>
            Path.GetFullPath(builder.Configuration[$"{ArenaOptions.Section}:{key}"] ?? fallback, builder.Environment.ContentRootPath);
        return options with
        {
            OutputFolder = options.OutputFolder.Length > 0 ? options.OutputFolder : Configured(nameof(ArenaOptions.Model), arena.Model),
            ScenariosFolder = options.ScenariosFolder ?? Configured(nameof(ArenaOptions.Scenarios), arena.Scenarios),
        };
    }

    static int Run(TrainingOptions options, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var line = new ProgressLine(console.Error);
        try
        {
            var summary = new Trainer(options, new Progress(line)).Run(cancellationToken);
            line.End();
            console.Output.WriteLine(summary.Describe());
            return 0;
        }
        finally
        {
            line.End(); // a failure's one-line message must not land at the end of a progress line
        }
    }

    /// <summary>Reports synchronously (System.Progress would post to the thread pool and reorder lines).</summary>
    sealed class Progress(ProgressLine line) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Message is not null) line.Message(value.Message);
            else line.Step(value.Describe(), value.Step);
        }
    }

    /// <summary>On a terminal one line rewritten in place; redirected, a line every 25 steps so logs stay short.</summary>
    sealed class ProgressLine(TextWriter writer)
    {
        readonly bool redirected = Console.IsErrorRedirected;
        bool open;

        public void Step(string text, int step)
        {
            if (redirected)
            {
                if (step % 25 == 0 || step == 1) writer.WriteLine(text);
                return;
            }
            writer.Write("\r" + text.PadRight(Math.Max(text.Length, Console.BufferWidth - 1)));
            open = true;
        }

        public void Message(string text)
        {
            End();
            writer.WriteLine(text);
        }

        public void End()
        {
            if (!open) return;
            writer.WriteLine();
            open = false;
        }
    }
}
