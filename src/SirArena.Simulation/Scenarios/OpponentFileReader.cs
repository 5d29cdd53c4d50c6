using SirArena.Simulation.Games.RockPaperScissors;
using SirArena.Simulation.Opponents;

namespace SirArena.Simulation.Scenarios;

/// <summary>
/// Reads the Rock-Paper-Scissors opponent kinds from a scenario file. Every kind takes "kind" and an optional
/// "description"; see scenarios/README.md for each kind's fields and defaults.
/// </summary>
internal static class OpponentFileReader
{
    public static IReadOnlyList<string> Kinds { get; } =
    [
        BiasedStrategy.BiasedKind, BiasedStrategy.UniformKind, SwitchingStrategy.SwitchingKind,
        CyclicStrategy.CyclicKind, BeatLastStrategy.BeatLastKind,
    ];

    public static IOpponentStrategy Read(ScenarioJson root, string kind) => kind switch
    {
        BiasedStrategy.BiasedKind => new BiasedStrategy(
            Probabilities(root.ObjectWithKeys("kind", "description", "probabilities").Required("probabilities"))),
        BiasedStrategy.UniformKind => Uniform(root.ObjectWithKeys("kind", "description")),
        SwitchingStrategy.SwitchingKind => Switching(root.ObjectWithKeys("kind", "description", "first", "period", "mix")),
        CyclicStrategy.CyclicKind => new CyclicStrategy(
            root.ObjectWithKeys("kind", "description", "sequence").Optional("sequence")?.Array(1).Select(ReadMove).ToArray()
            ?? [Move.Rock, Move.Paper, Move.Scissors]),
        BeatLastStrategy.BeatLastKind => new BeatLastStrategy(
            root.ObjectWithKeys("kind", "description", "first").Optional("first") is { } first ? ReadMove(first) : Move.Rock),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an opponent kind."),
    };

    private static BiasedStrategy Uniform(ScenarioJson root) => BiasedStrategy.Uniform;

    private static SwitchingStrategy Switching(ScenarioJson root)
    {
        var first = root.Optional("first") is { } f ? ReadMove(f) : Move.Rock;
        var period = root.Optional("period")?.Integer(1, int.MaxValue) ?? SwitchingStrategy.DefaultPeriod;
        var mix = root.Optional("mix") is { } m ? Mix(m) : PreferenceMix.Paper;
        return new SwitchingStrategy(first, period, mix);
    }

    private static MoveDistribution Probabilities(ScenarioJson json)
    {
        json.ObjectWithKeys("rock", "paper", "scissors");
        var (rock, paper, scissors) = (Probability(json, "rock"), Probability(json, "paper"), Probability(json, "scissors"));
        ThrowUnlessSumIsOne(json, rock + paper + scissors);
        return new MoveDistribution(rock, paper, scissors);
    }

    private static PreferenceMix Mix(ScenarioJson json)
    {
        json.ObjectWithKeys("favourite", "next", "last");
        var (favourite, next, last) = (Probability(json, "favourite"), Probability(json, "next"), Probability(json, "last"));
        ThrowUnlessSumIsOne(json, favourite + next + last);
        return new PreferenceMix(favourite, next, last);
    }

    private static double Probability(ScenarioJson parent, string key) => parent.Required(key).Number(0, 1);

    private static void ThrowUnlessSumIsOne(ScenarioJson json, double sum)
    {
        if (Math.Abs(sum - 1) > MoveDistribution.SumTolerance)
            throw json.Error(FormattableString.Invariant($"the probabilities must sum to 1, but they sum to {sum:0.######}."));
    }

    private static Move ReadMove(ScenarioJson json) =>
        MoveRules.TryParse(json.String(), out var move)
            ? move
            : throw json.Error($"expected a move (rock, paper or scissors), got \"{json.String()}\".");
}
