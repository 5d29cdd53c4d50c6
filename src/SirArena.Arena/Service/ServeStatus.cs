using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Service;

/// <summary>One match in a status report; rates are over the interval since the report before.</summary>
public sealed record MatchStatus(
    string Match, string State, long Round, double RoundsPerSecond, double? WinRate, long Scored,
    int? CachedTokens, long LastCheckpoint, string Chain, string? Problem)
{
    /// <summary>The silo serving the match (HOST:PORT@GENERATION): the serve process's own, or one of `--cluster`'s; absent
    /// where no silo serves it (`soak`).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Silo { get; init; }

    /// <summary>The round the match resumed at when it was opened (0 for a new chain), where its rounds this run begin.</summary>
    public long ResumedAt { get; init; }

    /// <summary><paramref name="match"/> as it stands at round <paramref name="rounds"/> (read once by the caller, who
    /// also computes the rate from it), playing <paramref name="roundsPerSecond"/>.</summary>
    public static MatchStatus Of(ServedMatch match, long rounds, double roundsPerSecond) => new(
        match.Key, match.State.ToString(), rounds, roundsPerSecond,
        match.Tally.Scored > 0 ? match.Tally.WinRate.Value : null, match.Tally.Scored, match.CachedTokens, match.LastCheckpoint,
        Path.GetFileName(match.ChainPath), match.Problem) { ResumedAt = match.ResumedAt };
}

/// <summary>
/// What `serve` reports every few seconds: in one log entry, and in full in the status file (JSON, rewritten
/// atomically, so a reader never sees half of it).
/// </summary>
public sealed record ServeStatus(DateTime Utc, double UptimeSeconds, long Rounds, double RoundsPerSecond, ProcessFigures Process, IReadOnlyList<MatchStatus> Matches)
{
    static readonly JsonSerializerOptions Json = new(ReplayJson.Options) { WriteIndented = true };

    public int Running => Matches.Count(m => m.State == nameof(ServedMatchState.Running));
    public int Broken => Matches.Count(m => m.State == nameof(ServedMatchState.Broken));

    public void WriteTo(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes the status file, or logs a warning naming it: a status that cannot be written stops nothing.</summary>
    public void TryWriteTo(string path, ILogger logger)
    {
        try
        {
            WriteTo(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("status file {Path} not written: {Problem}", path, MatchResilience.Describe(e));
        }
    }

    public static ServeStatus Read(string path) =>
        JsonSerializer.Deserialize<ServeStatus>(File.ReadAllBytes(path), Json) ?? throw new InvalidDataException($"{path}: empty status");
}
