namespace SirArena.Simulation.Opponents;

/// <summary>
/// A player whose favourite move changes at rounds its definition fixes in advance. A report measures how fast an
/// agent adapts after each change from these rounds, so it needs neither the scenario's name nor a guess from the
/// moves played.
/// </summary>
public interface ISwitchSchedule
{
    /// <summary>The rounds, ascending, in 1..<paramref name="rounds"/>-1 whose favourite differs from the round before.</summary>
    IEnumerable<long> SwitchesBefore(long rounds);
}
