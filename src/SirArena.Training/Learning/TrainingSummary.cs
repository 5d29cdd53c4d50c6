using SirArena.Simulation.Loop;

namespace SirArena.Training.Learning;

/// <summary>What a finished (or stopped) run reports and writes to training/summary.json.</summary>
public sealed record TrainingSummary(
    string OutputFolder,
    int Steps,
    int TotalSteps,
    long Tokens,
    double Seconds,
    double TokensPerSecond,
    double FinalLoss,
    long Parameters,
    int VocabularySize,
    EvaluationResult? Evaluation,
    bool Completed)
{
    public string Describe() =>
        $"{(Completed ? "finished" : "stopped")} after {Steps}/{TotalSteps} steps, {Tokens:N0} tokens in {ProgressClock.Format(TimeSpan.FromSeconds(Seconds))} " +
        $"({TokensPerSecond:N0} tok/s); {Parameters:N0} parameters, vocabulary {VocabularySize}; final loss {FinalLoss:F3}" +
        (Evaluation is { } e ? $"\nheld-out: {e.Describe()}" : "") + $"\nmodel folder: {OutputFolder}";
}
