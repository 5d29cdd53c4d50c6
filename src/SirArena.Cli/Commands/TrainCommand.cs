using System.CommandLine;
using SirArena.Cli.Hosting;
using SirArena.Training.Learning;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena train</c>: trains the default model (issue 8) into a Hugging Face model folder, e.g.
/// <c>sirarena train --out models/sir-tiny --minutes 80 --seed 1</c>. Progress goes to stderr, one line per step
/// (rewritten in place on a terminal), and a summary to stdout. Ctrl+C stops after the current step and still saves
/// the model and a checkpoint, from which the same command resumes.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingOptions { OutputFolder = "models/sir-tiny" };
        var output = new Option<string>("--out") { Description = "model folder to write (config.json, model.safetensors, vocab.json, merges.txt; logs in training/)", DefaultValueFactory = _ => defaults.OutputFolder };
        var minutes = new Option<double?>("--minutes") { Description = "time budget; without --steps the schedule is fitted to it" };
        var steps = new Option<int?>("--steps") { Description = "optimizer steps (fixes the schedule exactly)" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the corpus, the data order and the initial weights", DefaultValueFactory = _ => defaults.Seed };
        var batch = new Option<int>("--batch-size") { Description = "windows per step", DefaultValueFactory = _ => defaults.BatchSize };
        var length = new Option<int>("--context-length") { Description = "pre-training length L (max_position_embeddings)", DefaultValueFactory = _ => defaults.ContextLength };
        var hidden = new Option<int>("--hidden-size") { Description = "model width d", DefaultValueFactory = _ => defaults.HiddenSize };
        var layers = new Option<int>("--layers") { Description = "decoder layers", DefaultValueFactory = _ => defaults.Layers };
        var heads = new Option<int>("--heads") { Description = "query heads", DefaultValueFactory = _ => defaults.Heads };
        var kvHeads = new Option<int>("--kv-heads") { Description = "key/value heads", DefaultValueFactory = _ => defaults.KeyValueHeads };
        var intermediate = new Option<int>("--intermediate-size") { Description = "SwiGLU width", DefaultValueFactory = _ => defaults.IntermediateSize };
        var vocab = new Option<int>("--vocab-size") { Description = "largest tokenizer vocabulary (it stops earlier once every word is one token)", DefaultValueFactory = _ => defaults.VocabularySize };
        var lr = new Option<double>("--lr") { Description = "peak learning rate", DefaultValueFactory = _ => defaults.LearningRate };
        var warmup = new Option<int>("--warmup") { Description = "warm-up steps", DefaultValueFactory = _ => defaults.WarmupSteps };
        var openingSteps = new Option<int>("--opening-steps") { Description = "first steps trained half on grocery openings, where reading a request back is learnt, and half on Rock-Paper-Scissors", DefaultValueFactory = _ => defaults.OpeningSteps };
        var evalEvery = new Option<int>("--eval-interval") { Description = "steps between held-out evaluations", DefaultValueFactory = _ => defaults.EvalInterval };
        var evalWindows = new Option<int>("--eval-windows") { Description = "held-out windows per evaluation", DefaultValueFactory = _ => defaults.EvalWindows };
        var textWeight = new Option<double>("--text-weight") { Description = "weight of the next-token loss on the text beside the answer loss", DefaultValueFactory = _ => defaults.TextWeight };
        var recallWeight = new Option<double>("--recall-weight") { Description = "weight of a grocery recall answer against other answers", DefaultValueFactory = _ => defaults.RecallWeight };
        var saveEvery = new Option<int>("--checkpoint-interval") { Description = "steps between checkpoints", DefaultValueFactory = _ => defaults.CheckpointInterval };
        var corpus = new Option<int>("--corpus-windows") { Description = "training windows generated", DefaultValueFactory = _ => defaults.CorpusWindows };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for TorchSharp (default: all cores)" };
        var fresh = new Option<bool>("--fresh") { Description = "ignore an existing checkpoint and start again" };
        var groceryShare = new Option<double>("--grocery-share") { Description = "fraction of the corpus's streams that are grocery dialogues (the rest Rock-Paper-Scissors)", DefaultValueFactory = _ => defaults.Corpus.GroceryShare };
        var openingShare = new Option<double>("--opening-share") { Description = "fraction of the corpus's streams that are grocery openings (a request and its recall after 0-4 questions, in a short context)", DefaultValueFactory = _ => defaults.Corpus.OpeningShare };
        var scenarios = new Option<string?>("--scenarios") { Description = "scenarios folder (default: the repository's scenarios/)" };

        var command = new Command("train", "train the default model on the project's own scenarios, compacted by the real memory policies")
        {
            output, minutes, steps, seed, batch, length, hidden, layers, heads, kvHeads, intermediate, vocab, lr, warmup, openingSteps,
            evalEvery, evalWindows, textWeight, recallWeight, saveEvery, corpus, groceryShare, openingShare, threads, fresh, scenarios,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            int contextLength = parse.GetValue(length);
            var options = new TrainingOptions
            {
                OutputFolder = parse.GetValue(output)!,
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
                EvalInterval = parse.GetValue(evalEvery),
                EvalWindows = parse.GetValue(evalWindows),
                TextWeight = parse.GetValue(textWeight),
                RecallWeight = parse.GetValue(recallWeight),
                CheckpointInterval = parse.GetValue(saveEvery),
                CorpusWindows = parse.GetValue(corpus),
                Threads = parse.GetValue(threads),
                Resume = !parse.GetValue(fresh),
                ScenariosFolder = parse.GetValue(scenarios),
                Corpus = defaults.Corpus with { ContextLength = contextLength, GroceryShare = parse.GetValue(groceryShare), OpeningShare = parse.GetValue(openingShare) },
            };
            return UserErrors.RunAsync(parse, () => Task.FromResult(Run(options, parse.InvocationConfiguration, cancellationToken)));
        });
        return command;
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
