using SirArena.Arena.Checkpoints;
using SirArena.Arena.Replays;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Service;

/// <summary>
/// The files of one served match: a rolling replay chain (<see cref="RollingReplayRecorder"/>) and, beside its first
/// file, a checkpoint (<see cref="CheckpointFile"/>) that records the match's state together with the chain's
/// position, so the two always agree.
/// </summary>
public sealed class MatchStore : IMatchStore
{
    readonly RollingReplayRecorder recorder;
    readonly MatchIdentity identity;

    MatchStore(string chainPath, RollingReplayRecorder recorder, MatchIdentity identity)
    {
        ChainPath = chainPath;
        this.recorder = recorder;
        this.identity = identity;
    }

    public string ChainPath { get; }
    public string CheckpointPath => ServeFiles.CheckpointOf(ChainPath);

    /// <summary>A new chain at <paramref name="chainPath"/> for a match that has not played yet.</summary>
    public static MatchStore Start(string chainPath, Match match, MatchIdentity identity, long rollEvery) =>
        new(chainPath, new RollingReplayRecorder(chainPath, identity.Spec, match, identity.ModelHash, rollEvery), identity);

    /// <summary>The chain of <paramref name="position"/>'s checkpoint, cut back to it, for a match restored from it.</summary>
    public static MatchStore Resume(string chainPath, Match match, MatchIdentity identity, long rollEvery, ReplayPosition position) =>
        new(chainPath, RollingReplayRecorder.Resume(chainPath, identity.Spec, match, identity.ModelHash, rollEvery, position), identity);

    public void Record(RoundResult result) => recorder.Record(result);

    public void SaveCheckpoint(Match match) =>
        CheckpointFile.Write(CheckpointPath,
            new CheckpointHeader(identity.Spec, identity.ModelHash, identity.ScenarioHash, match.RoundsPlayed, recorder.Position, DateTime.UtcNow),
            match.SaveState);

    public void Dispose() => recorder.Dispose();
}
