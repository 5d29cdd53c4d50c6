using SirArena.Simulation.Loop;

namespace SirArena.Training.Learning;

/// <summary>What a run reports after every step (and after every evaluation) for a progress line.</summary>
public sealed record TrainingProgress(
    int Step,
    int TotalSteps,
    double Loss,
    double AnswerLoss,
    double TextLoss,
    double LearningRate,
    double TokensPerSecond,
    TimeSpan Elapsed,
    EvaluationResult? LastEvaluation,
    string? Message = null)
{
    /// <summary>One line, e.g. "step 120/4000  loss 0.912 (answer 0.701, text 0.422)  lr 1.9e-03  3,150 tok/s  04:12 (eta 1:18:40)".</summary>
    public string Describe()
    {
        if (Message is not null) return Message;
        // TotalSteps is 0 while a time-budgeted run is still measuring its pace.
        var of = TotalSteps > 0 ? $"/{TotalSteps}" : "";
        var left = ProgressClock.Left(Elapsed, Step, TotalSteps - Step) is { } time ? $" (left {ProgressClock.Format(time)})" : "";
        var line = $"step {Step}{of}  loss {Loss:F3} (answer {AnswerLoss:F3}, text {TextLoss:F3})  lr {LearningRate:0.0e+00}  " +
            $"{TokensPerSecond:N0} tok/s  {ProgressClock.Format(Elapsed)}{left}";
        return LastEvaluation is { } e ? line + $"  eval acc {e.Accuracy:P1}" : line;
    }
}
