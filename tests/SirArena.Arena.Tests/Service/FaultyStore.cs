using SirArena.Arena.Service;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tests.Service;

/// <summary>
/// A store that fails on cue in front of the real one: <see cref="FailRecords"/> decides per record call (numbered from
/// 1) whether it throws and with what, before or after the real write; checkpoints pass through.
/// </summary>
public sealed class FaultyStore(IMatchStore inner, Func<int, Exception?> failRecords, bool afterWrite = false) : IMatchStore
{
    int calls;

    public Func<int, Exception?> FailRecords { get; } = failRecords;
    public int Calls => calls;
    public string ChainPath => inner.ChainPath;

    public void Record(RoundResult result)
    {
        var fault = FailRecords(++calls);
        if (fault is not null && !afterWrite) throw fault;
        inner.Record(result);
        if (fault is not null) throw fault;
    }

    public void SaveCheckpoint(Match match) => inner.SaveCheckpoint(match);

    public void Dispose() => inner.Dispose();
}
