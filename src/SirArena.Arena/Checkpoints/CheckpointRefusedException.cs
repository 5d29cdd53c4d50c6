namespace SirArena.Arena.Checkpoints;

/// <summary>A match checkpoint that cannot be used: corrupt, of another format, or written for another match or model.
/// The message names the file and what is wrong with it.</summary>
public sealed class CheckpointRefusedException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
