using SirArena.Arena.Matches;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// Records an endless match into a chain of replay files of at most <c>roundsPerFile</c> rounds each, so that no
/// file grows without bound: {stem}.jsonl, then {stem}.part2.jsonl, ... Each new file's header names the file before
/// it (<c>previous</c>) and its first round, so <see cref="ReplayChain"/> reads the match back as one stream.
/// </summary>
public sealed class RollingReplayRecorder : IMatchRecorder
{
    readonly string firstPath;
    readonly MatchSpec spec;
    readonly IAgent agent;
    readonly string? modelHash;
    readonly long roundsPerFile;
    ReplayWriter writer;
    int part = 1;
    long rounds;

    public RollingReplayRecorder(string path, MatchSpec spec, Match match, MatchFactory factory, long roundsPerFile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(roundsPerFile);
        firstPath = path;
        this.spec = spec;
        agent = match.Agent;
        modelHash = factory.ModelHash(spec.Agent);
        this.roundsPerFile = roundsPerFile;
        writer = ReplayWriter.Create(path, ReplayHeader.For(spec, agent, modelHash, DateTime.UtcNow));
    }

    /// <summary>The file being written now.</summary>
    public string Path => writer.Path;

    public void Record(RoundResult result)
    {
        if (writer.RoundsWritten == roundsPerFile)
        {
            var previous = System.IO.Path.GetFileName(writer.Path);
            writer.Dispose();
            part++;
            writer = ReplayWriter.Create(PartPath(firstPath, part),
                ReplayHeader.For(spec, agent, modelHash, DateTime.UtcNow, previous, firstRound: rounds));
        }
        writer.Append(result, agent);
        rounds++;
    }

    /// <summary>{stem}.part{n}.jsonl beside the first file.</summary>
    public static string PartPath(string firstPath, int part) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(firstPath)!,
            $"{System.IO.Path.GetFileNameWithoutExtension(firstPath)}.part{part}{ReplayFiles.Extension}");

    public void Dispose() => writer.Dispose();
}
