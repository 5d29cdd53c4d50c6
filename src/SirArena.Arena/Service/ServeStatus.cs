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
    /// <summary>The silo serving the match, under `serve --cluster` (HOST:PORT@GENERATION); absent in-process.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Silo { get; init; }

    /// <summary><paramref name="match"/> as it stands at round <paramref name="rounds"/> (read once by the caller, who
    /// also computes the rate from it), playing <paramref name="roundsPerSecond"/>.</summary>
    public static MatchStatus Of(ServedMatch match, long rounds, double roundsPerSecond) => new(
        match.Key, match.State.ToString(), rounds, roundsPerSecond,
        match.Tally.Scored > 0 ? match.Tally.WinRate.Value : null, match.Tally.Scored, match.CachedTokens, match.LastCheckpoint,
        Path.GetFileName(match.ChainPath), match.Problem);
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

/// <summary>Samples served matches into <see cref="ServeStatus"/> reports, each rate over the interval since the last sample.</summary>
public sealed class ServeMonitor(IReadOnlyList<ServedMatch> matches)
{
    readonly DateTime started = DateTime.UtcNow;
    readonly long[] previousRounds = matches.Select(m => m.Rounds).ToArray();
    readonly long[] startRounds = matches.Select(m => m.Rounds).ToArray();
    DateTime previous = DateTime.UtcNow;

    public ServeStatus Sample()
    {
        var now = DateTime.UtcNow;
        double seconds = Math.Max(1e-9, (now - previous).TotalSeconds);
        var statuses = new MatchStatus[matches.Count];
        long delta = 0, total = 0;
        for (int i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            long rounds = m.Rounds;
            delta += rounds - previousRounds[i];
            total += rounds - startRounds[i];
            statuses[i] = MatchStatus.Of(m, rounds, (rounds - previousRounds[i]) / seconds);
            previousRounds[i] = rounds;
        }
        previous = now;
        return new ServeStatus(now, (now - started).TotalSeconds, total, delta / seconds, ProcessFigures.Now(), statuses);
    }
}
