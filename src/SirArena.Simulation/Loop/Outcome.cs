namespace SirArena.Simulation.Loop;

/// <summary>
/// A round's result from the agent's side, common to every game so that one scoreboard serves them all:
/// RPS uses Win/Tie/Loss; multiple choice uses Win for a right answer and Loss for a wrong one; a turn that only
/// asks for an acknowledgement (the grocery request, answered with its item) is Unscored.
/// </summary>
public enum Outcome
{
    Win,
    Tie,
    Loss,
    Unscored,
}
