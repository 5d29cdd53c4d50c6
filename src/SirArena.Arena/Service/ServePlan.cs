using SirArena.Arena.Cluster;
using SirArena.Arena.Matches;

namespace SirArena.Arena.Service;

/// <summary>What a `serve` run plays: the matches (every agent against every opponent under every seed of
/// arena.json, or the subset the command line names), where their files go, how many play a round at once, and the
/// arena's scenarios, default model and device. Paths are absolute, since a silo reads them.</summary>
public sealed record ServePlan(IReadOnlyList<MatchSpec> Matches, string Folder, ServeOptions Options, int Parallelism,
    string Scenarios, string Model, string Device)
{
    /// <summary>The status file the serve process rewrites.</summary>
    public string StatusPath => Path.Combine(Folder, Options.StatusFile);

    /// <summary>Each match as the order its grain serves.</summary>
    public IReadOnlyList<ServeOrder> Orders() => Matches.Select(m => new ServeOrder(m, Folder, Options, Scenarios, Model, Device)).ToArray();
}
