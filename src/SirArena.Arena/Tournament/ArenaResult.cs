using SirArena.Arena.Matches;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tournament;

/// <summary>What an arena run gives back: the matches that finished (played now or read back from complete replays)
/// and those that failed, each with one sentence saying why.</summary>
public sealed record ArenaResult(IReadOnlyList<MatchOutcome> Outcomes, IReadOnlyList<MatchFailure> Failures, int ReadBack);

/// <summary>A match that stopped on an exception; the other matches of the arena went on.</summary>
public sealed record MatchFailure(MatchSpec Spec, long RoundsPlayed, string Problem)
{
    /// <summary>One sentence: which match, at which round, and the exception's type and first line.</summary>
    public override string ToString() =>
        $"{Spec.Scenario} / {Spec.Agent.Name} / seed {Spec.Seed}: failed after {RoundsPlayed} rounds: {Problem}";

    public static MatchFailure Of(MatchSpec spec, long roundsPlayed, Exception e)
    {
        var firstLine = e.Message.Split('\n', 2)[0].Trim();
        return new MatchFailure(spec, roundsPlayed, $"{e.GetType().Name}: {firstLine}");
    }
}
