using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// The bos/eos token names a Hugging Face checkpoint may give in <c>tokenizer_config.json</c> or
/// <c>special_tokens_map.json</c> (keys <c>bos_token</c>, <c>eos_token</c>; each a string, an object with a
/// <c>content</c> string, or null). tokenizer_config.json wins, as it does in transformers, which writes it
/// last. Both files are optional; a file that is there but malformed is an error, not a silent default.
/// </summary>
internal sealed record SpecialTokenNames(SpecialTokenNames.Name? Bos, SpecialTokenNames.Name? Eos)
{
    /// <summary>A token name and the file that gave it, so a name missing from the vocabulary can point at its source.</summary>
    public sealed record Name(string Token, string SourceFile);

    static readonly string[] FilesInPriorityOrder = ["tokenizer_config.json", "special_tokens_map.json"];

    public static SpecialTokenNames Read(string folder)
    {
        Name? bos = null, eos = null;
        foreach (var fileName in FilesInPriorityOrder)
        {
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path)) continue;
            using var document = JsonObjectFile.Parse(path);
            bos ??= NameAt(document.RootElement, "bos_token", path);
            eos ??= NameAt(document.RootElement, "eos_token", path);
        }
        return new SpecialTokenNames(bos, eos);
    }

    static Name? NameAt(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => new Name(value.GetString()!, path),
            JsonValueKind.Object when value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                => new Name(content.GetString()!, path),
            _ => throw new InvalidDataException(
                $"{path}: \"{key}\": expected a token string or an object with a \"content\" string, found {value.GetRawText()}"),
        };
    }

    /// <summary>The id of a named token, or an error naming the file that named it.</summary>
    public static int? Resolve(Name? name, string key, Func<string, int?> idOf)
    {
        if (name is null) return null;
        return idOf(name.Token) ?? throw new InvalidDataException(
            $"{name.SourceFile}: \"{key}\" names \"{name.Token}\", which the tokenizer's vocabulary does not hold");
    }
}
