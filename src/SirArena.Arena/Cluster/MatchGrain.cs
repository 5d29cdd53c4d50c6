using System.Diagnostics;
using SirArena.Arena.Tournament;

namespace SirArena.Arena.Cluster;

/// <summary>The match grain: plays its order on this silo's <see cref="SiloMatches"/>, then lets itself go, since a
/// finished match holds nothing worth keeping in memory.</summary>
public sealed class MatchGrain(SiloMatches silo) : Grain, IMatchGrain
{
    /// <summary>The least time between two progress reports: the player reports every ten rounds, a few milliseconds
    /// apart, which would be a message as often between machines.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    public async Task<PlayedMatch?> Play(MatchOrder order, IMatchProgress? progress, CancellationToken cancellationToken)
    {
        // The key is the single-writer guarantee of the replay: an order for another replay would void it.
        if (this.GetPrimaryKeyString() != order.Key)
            throw new ArgumentException($"the match grain {this.GetPrimaryKeyString()} was sent the order of {order.Key}");
        try
        {
            return await silo.PlayAsync(order, Reporter(progress), cancellationToken);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Tells <paramref name="progress"/> the rounds played: the first time the player reports, so that the
    /// arena hears at once that the match is under way, then at most every <see cref="ReportInterval"/>. A report that
    /// cannot be sent is dropped, since the match's answer carries its final count.</summary>
    static Action<long> Reporter(IMatchProgress? progress)
    {
        if (progress is null) return _ => { };
        Stopwatch? since = null;
        return rounds =>
        {
            if (since is not null && since.Elapsed < ReportInterval) return;
            since = Stopwatch.StartNew();
            try
            {
                _ = progress.Played(rounds);
            }
            catch (Exception)
            {
                // The arena's process may be gone or unreachable for a moment; the match plays on regardless.
            }
        };
    }
}
