using System.Globalization;
using SirArena.Llm.Memory;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// A memory policy to compact one stream with, built through the engine's own <see cref="MemoryPolicies"/> so that
/// training sees exactly what those policies keep. The <see cref="PolicyFamily.Wide"/> draw spans a family wider than
/// the shipped policies, so that any reasonable policy's leftovers are in distribution: recency (StreamingLLM, with 4
/// sinks or none), top-k by score with any decay eta in [0.5, 1] and sometimes a recent window (SirLLM, and H2O-like
/// shapes), random thinning (top-k by random scores: a policy whose scores say nothing about the text), and full memory.
/// </summary>
/// <param name="Name">"full", "streaming", "sir", or "random" (sir over random scores).</param>
public sealed record PolicyChoice(string Name, int Budget, float Eta = 1f, int Sinks = PolicyChoice.DefaultSinks, int Recent = 0)
{
    public const int DefaultSinks = 4;

    /// <summary>The budgets drawn; those above the pre-training length are left out.</summary>
    public static IReadOnlyList<int> Budgets { get; } = [128, 192, 256, 320, 384, 448, 512];

    static readonly int[] RecentWindows = [0, 0, 32, 64, 128];

    /// <summary>True for memories that keep the recent rounds whole and in order (full memory, recency), where the
    /// order a sequence is read from survives; a policy that thins by score breaks it.</summary>
    public bool KeepsWholeText => Name is "full" or "streaming";

    /// <summary>True when the stream's scores are replaced by random ones before compaction.</summary>
    public bool RandomScores => Name == "random";

    /// <summary>"sir-384-0.9", "sir-384-0.75-s0-r64", "streaming-256-s0", "random-192", "full-512".</summary>
    public string Label
    {
        get
        {
            var label = Name is "sir" ? string.Create(CultureInfo.InvariantCulture, $"{Name}-{Budget}-{Eta:0.##}") : $"{Name}-{Budget}";
            if (Name != "full" && Sinks != DefaultSinks) label += $"-s{Sinks}";
            return Recent > 0 ? label + $"-r{Recent}" : label;
        }
    }

    public IMemoryPolicy Create(int contextLength) => MemoryPolicies.Create(new MemoryPolicyOptions(
        RandomScores ? "sir" : Name, Budget, Sinks, Name == "streaming" ? null : Recent, Eta, PretrainingLength: contextLength));

    const int PaperSmallestBudget = 192;
    static readonly float[] PaperEtas = [0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f, 1f];

    /// <summary>Full memory one stream in ten (the first rounds of every match look like that). Then, from the
    /// <see cref="PolicyFamily.Paper"/> family, StreamingLLM 35 in 100 and SirLLM 55; from the wide one, recency three
    /// in ten, top-k by score four in ten, random thinning two in ten.</summary>
    public static PolicyChoice Draw(StableRandom random, int contextLength, PolicyFamily family)
    {
        double u = random.NextDouble();
        if (u < 0.10) return new PolicyChoice("full", contextLength);
        int smallest = family == PolicyFamily.Paper ? PaperSmallestBudget : 0;
        var budgets = Budgets.Where(b => b >= smallest && b <= contextLength).DefaultIfEmpty(contextLength).ToArray();
        int budget = budgets[random.NextInt(budgets.Length)];
        if (family == PolicyFamily.Paper)
            return u < 0.45 ? new PolicyChoice("streaming", budget) : new PolicyChoice("sir", budget, PaperEtas[random.NextInt(PaperEtas.Length)]);
        int sinks = random.NextDouble() < 0.8 ? DefaultSinks : 0;
        if (u < 0.40) return new PolicyChoice("streaming", budget, Sinks: sinks);
        int recent = Math.Min(RecentWindows[random.NextInt(RecentWindows.Length)], budget / 4);
        if (u < 0.80)
        {
            float eta = (float)Math.Round(0.5 + 0.5 * random.NextDouble(), 2);
            return new PolicyChoice("sir", budget, eta, sinks, recent);
        }
        return new PolicyChoice("random", budget, 1f, sinks, recent);
    }
}
