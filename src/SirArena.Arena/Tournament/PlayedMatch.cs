using Orleans;
using SirArena.Arena.Statistics;

namespace SirArena.Arena.Tournament;

/// <summary>How one match of an arena ended: every round it played, or the failure that stopped it (one of the two).
/// A silo returns it to the arena as the plain runner keeps it. Nothing changes it once made, so Orleans
/// hands it over without a copy within one process (an embedded silo), and serializes it only between processes.</summary>
[Immutable]
public sealed record PlayedMatch(MatchOutcome? Outcome, MatchFailure? Failure)
{
    /// <summary>Rounds the match played, whether it finished or failed.</summary>
    public long Rounds => Outcome?.Rounds.Count ?? Failure!.RoundsPlayed;
}
