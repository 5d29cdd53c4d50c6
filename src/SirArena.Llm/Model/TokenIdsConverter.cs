using System.Text.Json;
using System.Text.Json.Serialization;

namespace SirArena.Llm.Model;

/// <summary>A token id key of config.json that holds one number or a list of them; written back as it came (one id as a number).</summary>
public sealed class TokenIdsConverter : JsonConverter<int[]>
{
    public override int[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => [reader.GetInt32()],
        JsonTokenType.StartArray => JsonSerializer.Deserialize<int[]>(ref reader, options),
        _ => throw new JsonException($"expected a token id or a list of token ids, got {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, int[] value, JsonSerializerOptions options)
    {
        if (value.Length == 1) writer.WriteNumberValue(value[0]);
        else JsonSerializer.Serialize(writer, value, options);
    }
}
