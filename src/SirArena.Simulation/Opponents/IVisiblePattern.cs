namespace SirArena.Simulation.Opponents;

/// <summary>
/// A deterministic player whose rule an agent can read from the rounds it has seen: a cycle, once two full periods
/// have been played; a reply to the agent's previous move, once two rounds have. A report measures how well an agent
/// follows the rule from that round on, without knowing the scenario by name.
/// </summary>
public interface IVisiblePattern
{
    /// <summary>Rounds played before the rule is shown twice over (2 x the period of a cycle; 2 for a reply).</summary>
    int RoundsToShow { get; }
}
