using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>Typed reads of a JSON file's fields whose failures are one sentence naming the file and the field.</summary>
internal sealed class FieldReader(string path)
{
    public InvalidDataException Refuse(string message) => new($"{path}: {message}");

    /// <summary>The value at <paramref name="key"/>, or null when it is absent or JSON null.</summary>
    public JsonElement? Optional(JsonElement obj, string key) =>
        obj.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public JsonElement Required(JsonElement obj, string key, string field, JsonValueKind kind)
    {
        var value = Optional(obj, key) ?? throw Refuse($"{field} is missing");
        if (value.ValueKind != kind) throw Refuse($"{field}: expected a {Describe(kind)}, found a {Describe(value.ValueKind)}");
        return value;
    }

    public string? String(JsonElement obj, string key, string field)
    {
        if (Optional(obj, key) is not { } value) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Refuse($"{field}: expected a string, found {value.GetRawText()}");
    }

    public string RequiredString(JsonElement obj, string key, string field) =>
        String(obj, key, field) ?? throw Refuse($"{field} is missing");

    public bool Bool(JsonElement obj, string key, string field, bool absent = false)
    {
        if (Optional(obj, key) is not { } value) return absent;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Refuse($"{field}: expected true or false, found {value.GetRawText()}"),
        };
    }

    public int Int(JsonElement obj, string key, string field, int absent)
    {
        if (Optional(obj, key) is not { } value) return absent;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n >= 0
            ? n
            : throw Refuse($"{field}: expected a non-negative integer, found {value.GetRawText()}");
    }

    static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "JSON object",
        JsonValueKind.Array => "JSON array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
