using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Tests.Support;

/// <summary>An agent that plays candidates from a function of the round, recording everything it sees.</summary>
internal sealed class ScriptedAgent(Func<long, int> choose, string name = "scripted") : IAgent
{
    public List<Turn> Turns { get; } = [];
    public List<RoundResult> Results { get; } = [];

    public string Name => name;

    public AgentChoice Choose(Turn turn)
    {
        Turns.Add(turn);
        var index = choose(turn.Round);
        return new AgentChoice(index, turn.Candidates.Select((_, i) => i == index ? 1.0 : 0.0).ToArray());
    }

    public void Observe(RoundResult result) => Results.Add(result);
}
