using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// Who wrote the answers that appear in a training context. If every earlier answer were already
/// right, a model could learn "repeat the last answer"; so each stream draws a player of some quality: random, a
/// counter over all moves or over the last few, a noisy oracle, or a sticky player that repeats itself. Answers are
/// what sit in the context; the trained target at each answer position is computed separately from the evidence.
/// </summary>
public sealed class ContextPlayer
{
    public enum Style { Random, Frequency, RecentFrequency, NoisyOracle, Sticky }

    readonly StableRandom random;
    readonly List<Move> seen = [];
    int lastAnswer;

    public ContextPlayer(StableRandom random)
    {
        this.random = random;
        PlayerStyle = (Style)random.NextInt(5);
        Window = random.NextInt(5, 40);
        Noise = 0.1 + 0.5 * random.NextDouble();
        GroceryAccuracy = 0.3 + 0.7 * random.NextDouble();
    }

    public Style PlayerStyle { get; }

    /// <summary>How many recent moves <see cref="Style.RecentFrequency"/> counts.</summary>
    public int Window { get; }

    /// <summary>How often a noisy oracle or a sticky player answers at random instead.</summary>
    public double Noise { get; }

    /// <summary>How often grocery questions are answered right.</summary>
    public double GroceryAccuracy { get; }

    public int Choose(Turn turn)
    {
        int n = turn.Candidates.Count;
        int choice = turn.Facts switch
        {
            RpsFacts rps => ChooseMove(rps, turn.Truth),
            GroceryFacts { Kind: GroceryTurnKind.Request } => 0,
            _ => random.NextDouble() < GroceryAccuracy ? AgentChoice.ArgMax(turn.Truth.CandidateWinProbabilities).Index : random.NextInt(n),
        };
        return lastAnswer = choice;
    }

    int ChooseMove(RpsFacts facts, TurnTruth truth)
    {
        if (facts.OpponentPreviousMove is { } reported) seen.Add(reported);
        return PlayerStyle switch
        {
            Style.Frequency => Beat(seen),
            Style.RecentFrequency => Beat(seen.Skip(Math.Max(0, seen.Count - Window))),
            Style.NoisyOracle => random.NextDouble() < Noise ? random.NextInt(3) : AgentChoice.ArgMax(truth.CandidateWinProbabilities).Index,
            Style.Sticky => random.NextDouble() < Noise ? random.NextInt(3) : lastAnswer,
            _ => random.NextInt(3),
        };
    }

    /// <summary>The move that beats the most frequent of <paramref name="moves"/> (rock assumed when there are none).</summary>
    static int Beat(IEnumerable<Move> moves)
    {
        var counts = new int[3];
        foreach (var move in moves) counts[(int)move]++;
        return (int)MoveRules.BeaterOf((Move)Array.IndexOf(counts, counts.Max()));
    }
}
