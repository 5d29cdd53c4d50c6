using SirArena.Arena.Tournament;

namespace SirArena.Arena.Cluster;

/// <summary>The match grain: plays its order on this silo's <see cref="SiloMatches"/>, then lets itself go, since a
/// finished match holds nothing worth keeping in memory.</summary>
public sealed class MatchGrain(SiloMatches silo) : Grain, IMatchGrain
{
    public async Task<PlayedMatch?> Play(MatchOrder order, CancellationToken cancellationToken)
    {
        // The key is the single-writer guarantee of the replay: an order for another replay would void it.
        if (this.GetPrimaryKeyString() != order.Key)
            throw new ArgumentException($"the match grain {this.GetPrimaryKeyString()} was sent the order of {order.Key}");
        try
        {
            return await silo.PlayAsync(order, cancellationToken);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
