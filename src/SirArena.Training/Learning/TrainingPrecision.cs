namespace SirArena.Training.Learning;

/// <summary>The number format of a training step's forward and backward passes; the weights are float32 either way.</summary>
public enum TrainingPrecision
{
    /// <summary>Everything in float32.</summary>
    Fp32,
    /// <summary>
    /// Forward and backward in bfloat16 on a copy of the model (<see cref="BFloat16Copy"/>), the float32 weights updated
    /// from its gradients. Faster on a CPU with bfloat16 units (docs/benchmarks.md, "The trainer in bfloat16"); a CPU
    /// without them emulates the format, which this project has not measured.
    /// </summary>
    Bf16,
}
