using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>A resolved RPS round: both moves and the outcome for the agent.</summary>
public sealed record RpsRoundResult(Turn Turn, AgentChoice Choice, Outcome Outcome, Move AgentMove, Move OpponentMove)
    : RoundResult(Turn, Choice, Outcome);
