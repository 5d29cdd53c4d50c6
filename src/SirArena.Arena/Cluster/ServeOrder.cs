using SirArena.Arena.Matches;
using SirArena.Arena.Service;

namespace SirArena.Arena.Cluster;

/// <summary>
/// What a silo needs to serve one match of `serve`, its own or a cluster's: the match, the serve folder
/// its chain and checkpoints live in, the serve settings, and the arena's scenarios, default model and device. Paths
/// are absolute and must name the same files on every machine of the cluster (the folder on a share every silo mounts).
/// </summary>
public sealed record ServeOrder(MatchSpec Match, string Folder, ServeOptions Options, string Scenarios, string Model, string Device)
{
    /// <summary>The match's grain key: the path of the lock its writer holds (<see cref="ServeFiles.LockOf"/>), so
    /// that one activation, on one silo, serves the match of that folder.</summary>
    public string Key => ServeFiles.LockOf(Folder, Match);
}
