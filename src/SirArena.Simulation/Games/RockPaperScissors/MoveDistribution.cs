using System.Text.Json.Serialization;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// A probability for each move: an opponent's true behaviour for one round. Sampling uses one uniform draw, so a
/// generator advances by exactly one step per round whatever the distribution (point masses included).
/// </summary>
public readonly record struct MoveDistribution
{
    /// <summary>How far the probabilities may stray from summing to 1 (the files hold two decimals).</summary>
    public const double SumTolerance = 1e-9;

    // A struct also has a parameterless constructor; replays must come back through this validating one.
    [JsonConstructor]
    public MoveDistribution(double rock, double paper, double scissors)
    {
        foreach (var p in (double[])[rock, paper, scissors])
        {
            if (!(p >= 0 && p <= 1))
                throw new ArgumentOutOfRangeException(nameof(rock), p, "Each move's probability must lie in [0, 1].");
        }
        if (Math.Abs(rock + paper + scissors - 1) > SumTolerance)
            throw new ArgumentException($"The probabilities must sum to 1 (got {rock + paper + scissors:R}).");
        Rock = rock;
        Paper = paper;
        Scissors = scissors;
    }

    public double Rock { get; }
    public double Paper { get; }
    public double Scissors { get; }

    public static MoveDistribution Uniform { get; } = new(1.0 / 3, 1.0 / 3, 1.0 / 3);

    /// <summary>Certainty of one move.</summary>
    public static MoveDistribution Certain(Move move) => move switch
    {
        Move.Rock => new(1, 0, 0),
        Move.Paper => new(0, 1, 0),
        _ => new(0, 0, 1),
    };

    /// <summary>
    /// The paper's player shape: <paramref name="favourite"/> with probability <paramref name="mix"/>.Favourite,
    /// the move after it (rock, paper, scissors order) with .Next, the remaining one with .Last.
    /// </summary>
    public static MoveDistribution Favouring(Move favourite, PreferenceMix mix)
    {
        var p = new double[3];
        p[(int)favourite] = mix.Favourite;
        p[(int)MoveRules.Next(favourite)] = mix.Next;
        p[(int)MoveRules.Next(MoveRules.Next(favourite))] = mix.Last;
        return new MoveDistribution(p[0], p[1], p[2]);
    }

    public double Of(Move move) => move switch
    {
        Move.Rock => Rock,
        Move.Paper => Paper,
        _ => Scissors,
    };

    /// <summary>The likeliest move, the earliest in rock, paper, scissors order among equals.</summary>
    public Move MostLikely =>
        Rock >= Paper && Rock >= Scissors ? Move.Rock
        : Paper >= Scissors ? Move.Paper
        : Move.Scissors;

    /// <summary>The move a uniform draw <paramref name="u"/> in [0, 1) selects by inverse CDF.</summary>
    public Move Sample(double u) =>
        u < Rock ? Move.Rock
        : u < Rock + Paper ? Move.Paper
        : Move.Scissors;

    public override string ToString() =>
        FormattableString.Invariant($"rock {Rock:0.###}, paper {Paper:0.###}, scissors {Scissors:0.###}");
}
