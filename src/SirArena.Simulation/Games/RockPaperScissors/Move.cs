namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// A Rock-Paper-Scissors move. The numbering is the paper's candidate order (A rock, B paper, C scissors) and is
/// the order in which ties between equally likely moves are broken.
/// </summary>
public enum Move
{
    Rock = 0,
    Paper = 1,
    Scissors = 2,
}
