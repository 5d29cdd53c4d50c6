namespace SirArena.Simulation.Loop;

/// <summary>
/// An environment: an endless stream of turns, each resolved against the agent's choice. Calls alternate
/// <see cref="NextTurn"/>, <see cref="Resolve"/>, <see cref="NextTurn"/>, ... One instance per match; everything
/// random in it comes from the seed it was created with, so equal seeds give equal matches.
/// </summary>
public interface IScenario
{
    /// <summary>The catalog name, e.g. "rock-biased" or "grocery".</summary>
    string Name { get; }

    /// <summary>Poses the next round. Whatever the scripted side does this round is fixed here, before the agent chooses.</summary>
    Turn NextTurn();

    /// <summary>Resolves the pending turn with the agent's (already validated) choice.</summary>
    RoundResult Resolve(AgentChoice choice);
}
