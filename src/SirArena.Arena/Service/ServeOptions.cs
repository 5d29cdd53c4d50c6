namespace SirArena.Arena.Service;

/// <summary>
/// How `sirarena serve` (and `soak`) keep endless matches: arena.json's "Serve" section, overridable from the
/// environment (SIRARENA_Serve__CheckpointEvery=...) and the command line. Relative paths are relative to the
/// configuration file's folder; the status file is relative to <see cref="Output"/>.
/// </summary>
public sealed record ServeOptions
{
    public const string Section = "Serve";

    /// <summary>Folder of the replay chains, checkpoints and the status file.</summary>
    public string Output { get; init; } = "replays/serve";
    /// <summary>Rounds per replay file; each new file links the one before.</summary>
    public long RollEvery { get; init; } = 10_000;
    /// <summary>Rounds between checkpoints (one is also written when a chain starts and when the service stops).</summary>
    public long CheckpointEvery { get; init; } = 500;
    /// <summary>Seconds between status lines in the log and rewrites of the status file.</summary>
    public double StatusSeconds { get; init; } = 10;
    public string StatusFile { get; init; } = "status.json";
    /// <summary>Retries of a failed replay or checkpoint write, with exponential backoff from <see cref="RetryDelayMs"/>.</summary>
    public int Retries { get; init; } = 3;
    public int RetryDelayMs { get; init; } = 200;
    /// <summary>Failed writes in a row (within a minute) after which a match's circuit opens and the match stops.</summary>
    public int BreakAfter { get; init; } = 3;

    public ServeOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Output)) throw new ArgumentException("Serve:Output must name a folder");
        if (RollEvery < 1) throw new ArgumentException($"Serve:RollEvery must be at least 1 round, got {RollEvery}");
        if (CheckpointEvery < 1) throw new ArgumentException($"Serve:CheckpointEvery must be at least 1 round, got {CheckpointEvery}");
        if (!(StatusSeconds > 0)) throw new ArgumentException($"Serve:StatusSeconds must be positive, got {StatusSeconds}");
        if (Retries < 0) throw new ArgumentException($"Serve:Retries must be 0 or more, got {Retries}");
        if (RetryDelayMs < 0) throw new ArgumentException($"Serve:RetryDelayMs must be 0 or more, got {RetryDelayMs}");
        if (BreakAfter < 2) throw new ArgumentException($"Serve:BreakAfter must be at least 2 failures, got {BreakAfter}");
        return this;
    }
}
