using SirArena.Arena.Matches;

namespace SirArena.Arena.Service;

/// <summary>What a `serve` run plays: the matches (every agent against every opponent under every seed of
/// arena.json, or the subset the command line names), where their files go, and how many play a round at once.</summary>
public sealed record ServePlan(IReadOnlyList<MatchSpec> Matches, string Folder, ServeOptions Options, int Parallelism);
