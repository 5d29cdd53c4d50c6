namespace SirArena.Arena.Replays;

/// <summary>
/// A replay file that cannot be read: the message names the file, the line (1-based) and what was expected there,
/// so it can be shown to a user as it is.
/// </summary>
public sealed class ReplayFormatException(string path, long line, string problem, Exception? inner = null)
    : Exception($"{path}, line {line}: {problem}", inner)
{
    public string FilePath { get; } = path;
    public long Line { get; } = line;
    public string Problem { get; } = problem;
}
