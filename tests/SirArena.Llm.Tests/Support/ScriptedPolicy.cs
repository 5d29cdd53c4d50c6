using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Support;

/// <summary>A memory policy test double: keeps everything until told which slots to keep on the next chunk.</summary>
public sealed class ScriptedPolicy(int budget, float eta = 1f) : IMemoryPolicy
{
    public ScoreSource Scores => ScoreSource.Surprisal;

    public int[]? NextKeep { get; set; }
    public string Name => "scripted";
    public int Budget => budget;
    public float DecayRatio => eta;

    public int[] SelectKept(ReadOnlySpan<float> scores, int incoming)
    {
        var keep = NextKeep ?? Enumerable.Range(0, scores.Length).ToArray();
        NextKeep = null;
        return keep;
    }
}
