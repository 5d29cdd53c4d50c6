namespace SirArena.Cli.Tests.Support;

/// <summary>
/// The cluster tests run alone: their silos set the process's intra-op threads for their lifetime, as the in-process
/// arena does for its run, and a replay's bits depend on them, so no other arena may run beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
