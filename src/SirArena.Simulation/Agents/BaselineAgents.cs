using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Agents;

/// <summary>The tensor-free agents by name, for configuration files and the command line.</summary>
public static class BaselineAgents
{
    public static IReadOnlyList<string> Names { get; } = [OracleAgent.DefaultName, FrequencyAgent.DefaultName, RandomAgent.DefaultName];

    /// <summary>A fresh agent for one match; <paramref name="seed"/> matters only to the random agent.</summary>
    public static Loop.IAgent Create(string name, ulong seed) => name.ToLowerInvariant() switch
    {
        OracleAgent.DefaultName => new OracleAgent(),
        FrequencyAgent.DefaultName => new FrequencyAgent(),
        RandomAgent.DefaultName => new RandomAgent(new StableRandom(seed).Derive("agent")),
        _ => throw new ArgumentException(
            $"Unknown baseline agent '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
