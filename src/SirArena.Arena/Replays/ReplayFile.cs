namespace SirArena.Arena.Replays;

/// <summary>
/// A whole replay in memory: the header, every complete round, and whether the last line was cut off. For long files
/// prefer <see cref="ReplayReader"/>, which streams.
/// </summary>
public sealed record ReplayFile(string Path, ReplayHeader Header, IReadOnlyList<ReplayRound> Rounds, bool WasCutOff)
{
    public static ReplayFile Load(string path)
    {
        using var reader = ReplayReader.Open(path);
        var rounds = reader.ReadRounds().ToList();
        return new ReplayFile(path, reader.Header, rounds, reader.WasCutOff);
    }
}
