using System.Globalization;
using SirArena.Llm.Memory;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// A memory policy to compact one stream with (issue 8, item 2: all of them, many budgets, eta from 0.7 to 1.0),
/// built through the engine's own <see cref="MemoryPolicies"/> so that training sees exactly the policies play uses.
/// </summary>
public sealed record PolicyChoice(string Name, int Budget, float Eta = 1f)
{
    public const int Sinks = 4;

    /// <summary>The budgets drawn; those above the pre-training length are left out.</summary>
    public static IReadOnlyList<int> Budgets { get; } = [192, 256, 320, 384, 448, 512];

    public static IReadOnlyList<float> Etas { get; } = [0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f, 1f];

    /// <summary>"sir-384-0.9", "streaming-256", "full-512".</summary>
    public string Label => Name == "sir"
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}-{Budget}-{Eta:0.##}")
        : $"{Name}-{Budget}";

    public IMemoryPolicy Create(int contextLength) =>
        MemoryPolicies.Create(new MemoryPolicyOptions(Name, Budget, Sinks, Recent: null, Eta, PretrainingLength: contextLength));

    /// <summary>Full memory one stream in ten (the first rounds of every match look like that), else streaming or sir.</summary>
    public static PolicyChoice Draw(StableRandom random, int contextLength)
    {
        double u = random.NextDouble();
        if (u < 0.10) return new PolicyChoice("full", contextLength);
        var budgets = Budgets.Where(b => b <= contextLength).DefaultIfEmpty(contextLength).ToArray();
        int budget = budgets[random.NextInt(budgets.Length)];
        return u < 0.45
            ? new PolicyChoice("streaming", budget)
            : new PolicyChoice("sir", budget, Etas[random.NextInt(Etas.Count)]);
    }
}
