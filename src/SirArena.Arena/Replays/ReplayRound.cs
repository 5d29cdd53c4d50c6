using SirArena.Arena.Agents;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// One line of a replay after the header: the round's index in its match, the resolved round (turn, candidate
/// scores, choice, outcome; the "game" field says which game) and, for a language-model agent, what the round did
/// to its memory (null for baselines).
/// </summary>
public sealed record ReplayRound(long Round, RoundResult Result, LlmRoundTrace? Trace)
{
    /// <summary>The record of a round just played by <paramref name="agent"/> (its trace if it has a memory to trace).</summary>
    public static ReplayRound Of(RoundResult result, IAgent agent)
    {
        ArgumentNullException.ThrowIfNull(result);
        var trace = agent is IMemoryAgent memory
            ? memory.LastTrace ?? throw new InvalidOperationException($"agent \"{memory.Name}\" has not played a round yet")
            : null;
        return new ReplayRound(result.Turn.Round, result, trace);
    }
}
