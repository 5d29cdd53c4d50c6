using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// What a scripted RPS agent may know in a round: the moves of the previous round (null in round 0). The opponent's
/// move is exactly what the user's line says; the agent's own is what it answered.
/// </summary>
public sealed record RpsFacts(Move? OpponentPreviousMove, Move? AgentPreviousMove) : TurnFacts;
