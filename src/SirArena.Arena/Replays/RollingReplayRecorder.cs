using SirArena.Arena.Checkpoints;
using SirArena.Arena.Matches;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// Records an endless match into a chain of replay files of at most <c>roundsPerFile</c> rounds each, so that no
/// file grows without bound: {stem}.jsonl, then {stem}.part2.jsonl, ... Each new file's header names the file before
/// it (<c>previous</c>) and its first round, so <see cref="ReplayChain"/> reads the match back as one stream.
/// <see cref="Position"/> is where the chain stands, for a checkpoint; <see cref="Resume"/> continues from one.
/// A failed <see cref="Record"/> leaves the chain as it was, so it can be retried.
/// </summary>
public sealed class RollingReplayRecorder : IMatchRecorder
{
    readonly string firstPath;
    readonly MatchSpec spec;
    readonly IAgent agent;
    readonly string? modelHash;
    readonly long roundsPerFile;
    ReplayWriter writer;
    int part;

    public RollingReplayRecorder(string path, MatchSpec spec, Match match, MatchFactory factory, long roundsPerFile)
        : this(path, spec, match, factory.ModelHash(spec.Agent), roundsPerFile)
    {
    }

    public RollingReplayRecorder(string path, MatchSpec spec, Match match, string? modelHash, long roundsPerFile)
        : this(path, spec, match, modelHash, roundsPerFile, position: null)
    {
    }

    RollingReplayRecorder(string path, MatchSpec spec, Match match, string? modelHash, long roundsPerFile, ReplayPosition? position)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(roundsPerFile);
        firstPath = path;
        this.spec = spec;
        agent = match.Agent;
        this.modelHash = modelHash;
        this.roundsPerFile = roundsPerFile;
        if (position is null)
        {
            part = 1;
            writer = ReplayWriter.Create(path, ReplayHeader.For(spec, agent, modelHash, DateTime.UtcNow));
        }
        else
        {
            part = position.Part;
            var file = FileOfPart(part);
            ReplayHeader header;
            using (var reader = ReplayReader.Open(file)) header = reader.Header;
            writer = ReplayWriter.Reopen(file, header, position.RoundsInPart, position.Bytes);
        }
    }

    /// <summary>
    /// Continues the chain that starts at <paramref name="path"/> from a checkpoint's <paramref name="position"/>:
    /// the rounds written after it (the tail of its file, and any later file of the chain) are removed, since the
    /// resumed match plays them again, identically.
    /// </summary>
    public static RollingReplayRecorder Resume(string path, MatchSpec spec, Match match, string? modelHash, long roundsPerFile, ReplayPosition position)
    {
        for (int later = position.Part + 1; File.Exists(PartPath(path, later)); later++) File.Delete(PartPath(path, later));
        return new RollingReplayRecorder(path, spec, match, modelHash, roundsPerFile, position);
    }

    /// <summary>The file being written now.</summary>
    public string Path => writer.Path;

    /// <summary>Where the chain stands after the rounds recorded so far.</summary>
    public ReplayPosition Position =>
        new(System.IO.Path.GetFileName(writer.Path), part, writer.Header.FirstRound, writer.RoundsWritten, writer.Bytes);

    public void Record(RoundResult result)
    {
        if (writer.RoundsWritten == roundsPerFile)
        {
            // The next file is created before the current one is let go, so a failure here changes nothing.
            var next = ReplayWriter.Create(PartPath(firstPath, part + 1), ReplayHeader.For(spec, agent, modelHash, DateTime.UtcNow,
                System.IO.Path.GetFileName(writer.Path), firstRound: writer.Header.FirstRound + writer.RoundsWritten));
            writer.Dispose();
            writer = next;
            part++;
        }
        writer.Append(result, agent);
    }

    string FileOfPart(int n) => n == 1 ? firstPath : PartPath(firstPath, n);

    /// <summary>{stem}.part{n}.jsonl beside the first file.</summary>
    public static string PartPath(string firstPath, int part) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(firstPath)!,
            $"{System.IO.Path.GetFileNameWithoutExtension(firstPath)}.part{part}{ReplayFiles.Extension}");

    public void Dispose() => writer.Dispose();
}
