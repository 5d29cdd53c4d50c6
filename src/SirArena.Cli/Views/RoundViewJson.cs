using System.Text.Json;
using System.Text.Json.Serialization;
using SirArena.Arena.Replays;

namespace SirArena.Cli.Views;

/// <summary>
/// One replayed round as JSON (<c>replay FILE --round N --json</c>), for scripts and other tools: the round, its
/// outcome, the user turn, the candidates with their scores, and the tokens held after the round and those it
/// evicted, each with its stream index, id, text and score; the eta an adaptive decay chose (null for a fixed one). A baseline agent has no memory: both lists are null.
/// </summary>
public static class RoundViewJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    sealed record Token(long StreamIndex, int Id, string Text, float Score);

    public static string Write(ReplayRoundView view) => JsonSerializer.Serialize(new
    {
        view.Round,
        Outcome = view.Outcome,
        view.UserTurn,
        view.Eta,
        Candidates = view.Candidates.Select(c => new { c.Index, c.Text, c.Option, c.Score, c.Chosen }),
        Retained = view.HasMemory ? view.Retained.Select(ToToken) : null,
        Evicted = view.HasMemory ? view.Evicted.Select(ToToken) : null,
    }, Options);

    static Token ToToken(RememberedToken t) => new(t.StreamIndex, t.TokenId, t.Text, t.Score);
}
