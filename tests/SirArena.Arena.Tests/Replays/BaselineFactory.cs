using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Replays;

/// <summary>Matches of tensor-free agents: no model is ever loaded, so the default model folder is never read.</summary>
public static class BaselineFactory
{
    public static MatchFactory Create() => new(ScenarioCatalog.LoadDefault(), defaultModelFolder: "no-model-needed");

    public static MatchSpec Oracle(string scenario = "rock-biased", ulong seed = 5) =>
        new(scenario, seed, new AgentSpec { Name = "oracle", Kind = "oracle" });
}
