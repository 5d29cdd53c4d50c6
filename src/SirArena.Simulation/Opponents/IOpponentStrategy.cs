using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Simulation.Opponents;

/// <summary>
/// A scripted Rock-Paper-Scissors player's rule, as a pure function: the true distribution of its move in a round,
/// given the round and (for reactive players) the agent's previous move. Holding no generator and no state, one
/// strategy can serve any number of matches; <see cref="ScriptedOpponent"/> adds the seeded draw.
/// </summary>
public interface IOpponentStrategy
{
    /// <summary>The kind as scenario files name it ("biased", "switching", ...).</summary>
    string Kind { get; }

    /// <summary>
    /// True when the moves depend on what the agent played. A player that does not react faces every agent with the
    /// very same move sequence for a given seed (common random numbers); a reactive one cannot.
    /// </summary>
    bool ReactsToAgent { get; }

    /// <param name="round">0-based round index.</param>
    /// <param name="agentPreviousMove">The agent's move in the previous round; null in round 0.</param>
    MoveDistribution Distribution(long round, Move? agentPreviousMove);
}
