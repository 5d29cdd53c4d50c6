namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// How a biased player spreads its moves: its favourite, the move after it, and the last one, e.g. the paper's
/// 0.50 / 0.30 / 0.20. Validated when built: each in [0, 1], summing to 1.
/// </summary>
public sealed record PreferenceMix
{
    public PreferenceMix(double favourite, double next, double last)
    {
        // Building the distribution once validates the three numbers with the same rules and messages.
        _ = new MoveDistribution(favourite, next, last);
        Favourite = favourite;
        Next = next;
        Last = last;
    }

    public double Favourite { get; }
    public double Next { get; }
    public double Last { get; }

    /// <summary>The paper's mix: favourite 50%, next 30%, last 20%.</summary>
    public static PreferenceMix Paper { get; } = new(0.5, 0.3, 0.2);
}
