using SirArena.Arena.Matches;

namespace SirArena.Arena.Checkpoints;

/// <summary>
/// What a match checkpoint says about itself, written as JSON at the head of the file: which match it is, what it
/// was built from (the model's content hash, the scenario's fingerprint), where the stream stands (the next round)
/// and where its replay chain stands (<see cref="ReplayPosition"/>), so a resume continues both without gap or repeat.
/// </summary>
public sealed record CheckpointHeader(
    MatchSpec Match,
    string? ModelHash,
    string ScenarioHash,
    long NextRound,
    ReplayPosition Replay,
    DateTime CreatedUtc)
{
    public const string FormatName = "sirarena-checkpoint";
    /// <summary>Version 7: a sir-adaptive decay also saves the table whose lead gates its alarms (replay version 8).
    /// Version 6 (the cache's keys saved unrotated, replay version 7) differs from it only there, so it is read for any
    /// other policy; a sir-adaptive one, and earlier versions, are refused, so their match starts a new chain instead
    /// of mixing two versions in one: a round of the old chain would not verify with the new build.</summary>
    public const int CurrentVersion = 7;
    public const int UnrotatedKeysVersion = 6;

    public string Format { get; init; } = FormatName;
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Whether this program can resume from a checkpoint with this header (see <see cref="CurrentVersion"/>).</summary>
    public bool IsReadable() => Format == FormatName
        && (Version == CurrentVersion || (Version == UnrotatedKeysVersion && Match?.Agent?.AdaptsDecay != true));
}

/// <summary>
/// The replay chain as it stood when a checkpoint was taken: the file being written (a name beside the
/// checkpoint), its part number and first round, the rounds it held and its length in bytes. Everything after that
/// length, and every later part, holds rounds the resumed match plays again.
/// </summary>
public sealed record ReplayPosition(string File, int Part, long FirstRound, long RoundsInPart, long Bytes);
