using System.Diagnostics;
using SirArena.Llm.Model;
using SirArena.Training.Corpus;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>
/// The step loop: each step runs a <see cref="TrainingStep"/> on the scheduled batch at the scheduled learning rate;
/// then it logs, evaluates and checkpoints on their intervals.
/// It stops at the schedule's end, at cancellation, or before a step would overrun the time budget.
/// </summary>
internal sealed class TrainingLoop(
    TrainingOptions options, LlamaForCausalLM model, AdamW optimizer,
    IReadOnlyList<TrainingWindow> pool, IReadOnlyList<TrainingWindow> heldOut, IProgress<TrainingProgress>? progress)
{
    long tokensThisRun;
    double secondsThisRun;

    /// <summary>Training speed of this run's steps (setup and evaluation excluded).</summary>
    public double TokensPerSecond => secondsThisRun > 0 ? tokensThisRun / secondsThisRun : 0;

    public (TrainerState State, double LastLoss, bool Completed) Run(TrainerState state, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var trainingStep = new TrainingStep(model, optimizer, options);
        var batches = new OpeningFirstBatches(pool, options.BatchSize, options.OpeningSteps, options.Seed, options.OpeningBatchShare);
        using var log = new LossLog(Path.Combine(options.TrainingFolder, "loss.csv"), state.Step);
        double priorSeconds = state.Seconds - clock.Elapsed.TotalSeconds;
        double Seconds() => priorSeconds + clock.Elapsed.TotalSeconds;
        double budget = options.TimeBudget?.TotalSeconds ?? double.PositiveInfinity;
        int step = state.Step, total = state.TotalSteps;
        long tokens = state.Tokens;
        double lastLoss = double.NaN, calibrationStart = 0, stepSeconds = 0;
        // The pace is measured on whole-pool batches: opening batches, mostly openings, are shorter.
        int calibrationFrom = Math.Max(state.Step, batches.OpeningSteps);
        EvaluationResult? lastEvaluation = null;

        while (total == 0 || step < total)
        {
            if (cancellationToken.IsCancellationRequested || Seconds() + stepSeconds > budget) break;
            double lr = new LearningRateSchedule(options.LearningRate, options.WarmupSteps, total == 0 ? int.MaxValue : total, options.MinLearningRateRatio).At(step);
            var started = Stopwatch.GetTimestamp();
            var (loss, answer, text, batchTokens, _) = trainingStep.Run(batches.At(step).Select(i => pool[i]).ToArray(), lr);
            stepSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            secondsThisRun += stepSeconds;
            tokensThisRun += batchTokens;
            step++;
            tokens += batchTokens;
            lastLoss = loss;
            log.Write(step, lr, loss, answer, text, tokens, Seconds());

            if (step - calibrationFrom == 1) calibrationStart = Seconds();
            if (total == 0 && step - calibrationFrom == CalibrationStepsDone)
                total = FitSchedule(step, (Seconds() - calibrationStart) / (CalibrationStepsDone - 1), budget - Seconds());
            if (step % options.EvalInterval == 0)
            {
                lastEvaluation = Evaluation.Run(model, heldOut, options.BatchSize);
                progress?.Report(new TrainingProgress(step, total, loss, answer, text, lr, TokensPerSecond,
                    TimeSpan.FromSeconds(Seconds()), lastEvaluation, $"held out at step {step}: {lastEvaluation.Describe()}"));
            }
            if (step % options.CheckpointInterval == 0 || (total > 0 && step == total))
                TrainingCheckpoint.Save(options.CheckpointFolder, model, optimizer, new TrainerState(step, total, tokens, Seconds(), options.Seed));
            progress?.Report(new TrainingProgress(step, total, loss, answer, text, lr, TokensPerSecond,
                TimeSpan.FromSeconds(Seconds()), lastEvaluation));
        }
        var final = new TrainerState(step, total == 0 ? step : total, tokens, Seconds(), options.Seed);
        if (step > state.Step && step % options.CheckpointInterval != 0 && step != total)
            TrainingCheckpoint.Save(options.CheckpointFolder, model, optimizer, final);
        return (final, lastLoss, step >= final.TotalSteps);
    }

    static int CalibrationStepsDone => Trainer.CalibrationSteps + 1;

    /// <summary>
    /// How many steps fit the rest of the budget at the measured pace, leaving room for evaluations (a forward pass
    /// costs about a third of a training step) and a minute for the final save and evaluation.
    /// </summary>
    int FitSchedule(int step, double secondsPerStep, double secondsLeft)
    {
        double evalPerStep = (double)options.EvalWindows / options.BatchSize * secondsPerStep / 3 / options.EvalInterval;
        int more = (int)Math.Max(0, (secondsLeft - 60) / (secondsPerStep + evalPerStep));
        int total = step + more;
        progress?.Report(new TrainingProgress(step, total, 0, 0, 0, 0, 0, TimeSpan.Zero, null,
            $"schedule fitted to the time budget: {total} steps at {secondsPerStep:F2} s/step (pass --steps {total} to repeat it exactly)"));
        return total;
    }
}
