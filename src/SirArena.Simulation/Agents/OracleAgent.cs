using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Agents;

/// <summary>
/// The ceiling: reads <see cref="Turn.Truth"/> and plays the candidate most likely to win. In RPS that is what beats
/// the opponent's likeliest move (50% against a 50/30/20 player); in the grocery task it always knows the answer.
/// Its scores are the candidates' win probabilities.
/// </summary>
public sealed class OracleAgent : IAgent, IResumable
{
    public const string DefaultName = "oracle";

    public string Name => DefaultName;

    public AgentChoice Choose(Turn turn) => AgentChoice.ArgMax(turn.Truth.CandidateWinProbabilities);

    public void Observe(RoundResult result)
    {
    }

    /// <summary>The oracle remembers nothing: its state is empty.</summary>
    public void SaveState(BinaryWriter writer)
    {
    }

    public void RestoreState(BinaryReader reader)
    {
    }
}
