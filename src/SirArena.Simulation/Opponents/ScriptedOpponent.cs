using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Opponents;

/// <summary>
/// A strategy plus its own seeded generator: one per match. Every round consumes exactly one draw, whatever the
/// agent did, so for a non-reactive strategy the move sequence depends on the seed alone and every agent facing
/// the same opponent and seed meets the same moves (common random numbers).
/// </summary>
public sealed class ScriptedOpponent
{
    private readonly StableRandom _random;

    public ScriptedOpponent(string name, IOpponentStrategy strategy, StableRandom random)
    {
        Name = name;
        Strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    public string Name { get; }
    public IOpponentStrategy Strategy { get; }

    /// <summary>The true distribution of this round's move (what the oracle knows).</summary>
    public MoveDistribution Distribution(long round, Move? agentPreviousMove) =>
        Strategy.Distribution(round, agentPreviousMove);

    /// <summary>The position of the opponent's generator, for a checkpoint (the strategy itself holds no state).</summary>
    public void WriteState(BinaryWriter writer) => _random.WriteState(writer);

    public void ReadState(BinaryReader reader) => _random.ReadState(reader);

    /// <summary>Draws this round's move; call once per round, in order.</summary>
    public Move Play(long round, Move? agentPreviousMove) =>
        Distribution(round, agentPreviousMove).Sample(_random.NextDouble());
}
