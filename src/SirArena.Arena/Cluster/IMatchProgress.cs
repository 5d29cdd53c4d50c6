using Orleans.Concurrency;

namespace SirArena.Arena.Cluster;

/// <summary>
/// Where a match grain reports its rounds played while it plays: an observer the arena's process creates for each
/// match, so that the arena's progress line moves with the rounds wherever the match runs. Reports are one-way and may
/// arrive out of order or not at all; the match's answer carries its final count.
/// </summary>
[Alias("sirarena.match-progress")]
public interface IMatchProgress : IGrainObserver
{
    [Alias("played")]
    [OneWay]
    Task Played(long rounds);
}
