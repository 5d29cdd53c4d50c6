using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Agents;

/// <summary>
/// The floor: a uniformly random candidate every round, from its own seeded generator, so it too is replayable.
/// Its scores are all equal (1 / candidates).
/// </summary>
public sealed class RandomAgent(StableRandom random) : IAgent, IResumable
{
    public const string DefaultName = "random";

    private readonly StableRandom _random = random ?? throw new ArgumentNullException(nameof(random));

    public string Name => DefaultName;

    public AgentChoice Choose(Turn turn)
    {
        var n = turn.Candidates.Count;
        return new AgentChoice(_random.NextInt(n), Enumerable.Repeat(1.0 / n, n).ToArray());
    }

    public void Observe(RoundResult result)
    {
    }

    public void SaveState(BinaryWriter writer) => _random.WriteState(writer);

    public void RestoreState(BinaryReader reader) => _random.ReadState(reader);
}
