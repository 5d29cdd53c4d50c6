using SirArena.Simulation.Loop;

namespace SirArena.Arena.Service;

/// <summary>Where a served match keeps what it has played: its replay chain and its checkpoint.</summary>
public interface IMatchStore : IDisposable
{
    /// <summary>The first file of the replay chain.</summary>
    string ChainPath { get; }

    void Record(RoundResult result);

    /// <summary>Writes a checkpoint of <paramref name="match"/> and of where the chain stands, replacing the last one atomically.</summary>
    void SaveCheckpoint(Match match);
}
