namespace SirArena.Arena.Reports;

/// <summary>What produced the results, so a reader can reproduce them: the agents, the rounds per match, the seeds,
/// and the exact command line; and the matches that failed, which every table leaves out.</summary>
public sealed record ArenaDescription(IReadOnlyList<AgentDescription> Agents, long Rounds, IReadOnlyList<ulong> Seeds, string Command)
{
    /// <summary>One sentence per failed match.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}
