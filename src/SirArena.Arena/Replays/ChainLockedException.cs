namespace SirArena.Arena.Replays;

/// <summary>A chain or serve folder that another writer holds: one sentence naming it and, where known, the holder.</summary>
public sealed class ChainLockedException(string guarded, string lockPath, string? holder, Exception? inner = null)
    : IOException($"{guarded} is already being written by {holder ?? "another process"} (it holds {lockPath}); stop that process first, or write somewhere else.", inner)
{
    public string Guarded { get; } = guarded;
    public string LockPath { get; } = lockPath;
    /// <summary>"process {pid} on host {name} since {time}", or null when the holder did not say.</summary>
    public string? Holder { get; } = holder;
}
