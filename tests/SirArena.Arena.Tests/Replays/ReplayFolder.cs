using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Tests.Replays;

/// <summary>A temporary folder for replay files, removed with everything in it; and a way to record a match into it.</summary>
public sealed class ReplayFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sirarena-replays-" + Guid.NewGuid().ToString("N"));

    public ReplayFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Plays <paramref name="rounds"/> rounds of a freshly built match, appending each to a new replay at
    /// <paramref name="file"/>; <paramref name="afterRound"/> sees the match after each round (to sample live state);
    /// <paramref name="replayVersion"/> builds the agent as replays of an earlier version were played.
    /// </summary>
    public static Match Record(MatchFactory factory, MatchSpec spec, string file, int rounds, DateTime? createdUtc = null,
        Action<RoundResult, Match>? afterRound = null, int replayVersion = ReplayHeader.CurrentVersion)
    {
        var match = factory.Create(spec, replayVersion);
        var header = ReplayHeader.For(spec, match.Agent, factory.ModelHash(spec.Agent), createdUtc ?? DateTime.UtcNow);
        using var writer = ReplayWriter.Create(file, header);
        foreach (var result in match.Play(rounds))
        {
            writer.Append(result, match.Agent);
            afterRound?.Invoke(result, match);
        }
        return match;
    }

    /// <summary>Rewrites a replay header's version, as if the same rounds had been recorded by another build.</summary>
    public static void Relabel(string file, int from, int to)
    {
        var lines = System.IO.File.ReadAllLines(file);
        lines[0] = lines[0].Replace($"\"version\":{from}", $"\"version\":{to}");
        System.IO.File.WriteAllLines(file, lines);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
