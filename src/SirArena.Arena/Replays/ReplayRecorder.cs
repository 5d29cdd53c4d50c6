using SirArena.Arena.Matches;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>Records a match's rounds into its replay file as they are played.</summary>
public sealed class ReplayRecorder(ReplayWriter writer, IAgent agent) : IMatchRecorder
{
    public string Path => writer.Path;

    public static ReplayRecorder Open(string path, MatchSpec spec, Match match, MatchFactory factory) =>
        new(ReplayWriter.Create(path, ReplayHeader.For(spec, match.Agent, factory.ModelHash(spec.Agent), DateTime.UtcNow)), match.Agent);

    public void Record(RoundResult result) => writer.Append(result, agent);

    public void Dispose() => writer.Dispose();
}

/// <summary>Opens one replay per match in an arena's output folder: {scenario}-{agent}-s{seed}.jsonl.</summary>
public sealed class ReplayRecorderFactory(string folder, MatchFactory factory) : IMatchRecorderFactory
{
    public string Folder => folder;

    public IMatchRecorder Open(MatchSpec spec, Match match)
    {
        Directory.CreateDirectory(folder);
        return ReplayRecorder.Open(System.IO.Path.Combine(folder, ReplayFiles.Name(spec)), spec, match, factory);
    }
}
