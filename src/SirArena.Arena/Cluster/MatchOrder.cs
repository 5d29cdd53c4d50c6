using SirArena.Arena.Matches;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Cluster;

/// <summary>
/// What a silo needs to play one match of an arena as the arena's own process would: the match, its rounds, the run
/// folder its replay goes to, and the arena's scenarios, default model and device. Paths are absolute and must name
/// the same files on every machine of the cluster (the repository at one path everywhere, the run folder on a share).
/// </summary>
public sealed record MatchOrder(MatchSpec Match, long Rounds, string Folder, string Scenarios, string Model, string Device)
{
    /// <summary>The match's grain key: the path of its replay, so that one activation, on one silo, writes it.</summary>
    public string Key => Path.Combine(Folder, ReplayFiles.Name(Match));
}
