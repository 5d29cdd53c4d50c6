using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// What a Hugging Face <c>tokenizer.json</c> (the tokenizers library's serialization) asks for, read and checked:
/// a BPE model, its normalizer, pre-tokenizer and decoder, and the added tokens. Every field this engine cannot
/// honour exactly is refused with one sentence naming the file and the field, because a tokenizer that silently
/// differs from the one the weights were trained with gives wrong ids, not an error.
/// </summary>
internal sealed record HuggingFaceTokenizerFile(
    string Path,
    IReadOnlyDictionary<string, int> Vocabulary,
    IReadOnlyList<(string Left, string Right)> Merges,
    bool ByteFallback,
    bool IgnoreMerges,
    string? UnknownToken,
    bool FuseUnknown,
    IReadOnlyList<HuggingFaceTokenizerFile.AddedToken> AddedTokens,
    TextNormalizer Normalizer,
    TextPreTokenizer PreTokenizer,
    TokenDecoder Decoder)
{
    public const string FileName = "tokenizer.json";

    /// <summary>A token matched whole in the raw text before any normalizing or splitting.</summary>
    public sealed record AddedToken(int Id, string Content, bool Special);

    public static HuggingFaceTokenizerFile Read(string path)
    {
        using var document = JsonObjectFile.Parse(path);
        var root = document.RootElement;
        var reader = new FieldReader(path);

        var model = reader.Required(root, "model", "model", JsonValueKind.Object);
        var type = reader.String(model, "type", "model.type") ?? "BPE";
        if (type != "BPE") throw reader.Refuse($"model.type \"{type}\" is not supported; expected \"BPE\"");
        if (model.TryGetProperty("dropout", out var dropout) && dropout.ValueKind == JsonValueKind.Number && dropout.GetDouble() != 0)
            throw reader.Refuse("model.dropout is not supported; expected null, since dropout makes encoding random");
        foreach (var affix in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
            if (!string.IsNullOrEmpty(reader.String(model, affix, $"model.{affix}")))
                throw reader.Refuse($"model.{affix} is not supported; expected null or \"\"");

        var vocabulary = ReadVocabulary(reader, reader.Required(model, "vocab", "model.vocab", JsonValueKind.Object));
        var merges = ReadMerges(reader, reader.Required(model, "merges", "model.merges", JsonValueKind.Array), vocabulary);
        var addedTokens = ReadAddedTokens(reader, root, hasNormalizer: reader.Optional(root, "normalizer") is not null);

        return new HuggingFaceTokenizerFile(
            path, vocabulary, merges,
            ByteFallback: reader.Bool(model, "byte_fallback", "model.byte_fallback"),
            IgnoreMerges: reader.Bool(model, "ignore_merges", "model.ignore_merges"),
            UnknownToken: reader.String(model, "unk_token", "model.unk_token"),
            FuseUnknown: reader.Bool(model, "fuse_unk", "model.fuse_unk"),
            addedTokens,
            TextNormalizer.Read(reader, reader.Optional(root, "normalizer"), "normalizer"),
            TextPreTokenizer.Read(reader, reader.Optional(root, "pre_tokenizer"), "pre_tokenizer"),
            TokenDecoder.Read(reader, reader.Optional(root, "decoder"), "decoder"));
    }

    static Dictionary<string, int> ReadVocabulary(FieldReader reader, JsonElement vocab)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out int id) || id < 0)
                throw reader.Refuse($"model.vocab[\"{entry.Name}\"]: expected a non-negative integer id, found {entry.Value.GetRawText()}");
            if (!vocabulary.TryAdd(entry.Name, id))
                throw reader.Refuse($"model.vocab: token \"{entry.Name}\" appears twice");
        }
        if (vocabulary.Count == 0) throw reader.Refuse("model.vocab is empty");
        return vocabulary;
    }

    /// <summary>Merges come as "left right" strings (older files) or [left, right] pairs (newer files, which allow spaces inside tokens).</summary>
    static List<(string, string)> ReadMerges(FieldReader reader, JsonElement array, Dictionary<string, int> vocabulary)
    {
        var merges = new List<(string, string)>(array.GetArrayLength());
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string? left = null, right = null;
            if (item.ValueKind == JsonValueKind.String)
            {
                var parts = item.GetString()!.Split(' ');
                if (parts.Length == 2) (left, right) = (parts[0], parts[1]);
            }
            else if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2
                && item[0].ValueKind == JsonValueKind.String && item[1].ValueKind == JsonValueKind.String)
            {
                (left, right) = (item[0].GetString(), item[1].GetString());
                // Microsoft.ML.Tokenizers takes merges only as "left right" lines, which cannot hold a space inside a token.
                if (left!.Contains(' ') || right!.Contains(' '))
                    throw reader.Refuse($"model.merges[{index}] holds a token with a space, which the BPE library's merge format cannot express");
            }
            if (string.IsNullOrEmpty(left) || string.IsNullOrEmpty(right))
                throw reader.Refuse($"model.merges[{index}]: expected \"left right\" or [\"left\", \"right\"], found {item.GetRawText()}");
            foreach (var token in new[] { left, right, left + right })
                if (!vocabulary.ContainsKey(token))
                    throw reader.Refuse($"model.merges[{index}] needs \"{token}\", which model.vocab does not hold");
            merges.Add((left, right!));
            index++;
        }
        return merges;
    }

    static List<AddedToken> ReadAddedTokens(FieldReader reader, JsonElement root, bool hasNormalizer)
    {
        var tokens = new List<AddedToken>();
        if (!root.TryGetProperty("added_tokens", out var array) || array.ValueKind == JsonValueKind.Null) return tokens;
        if (array.ValueKind != JsonValueKind.Array) throw reader.Refuse($"added_tokens: expected an array, found a {array.ValueKind}");
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var field = $"added_tokens[{index}]";
            if (item.ValueKind != JsonValueKind.Object) throw reader.Refuse($"{field}: expected an object, found a {item.ValueKind}");
            if (!item.TryGetProperty("id", out var idElement) || !idElement.TryGetInt32(out int id) || id < 0)
                throw reader.Refuse($"{field}.id: expected a non-negative integer");
            var content = reader.String(item, "content", $"{field}.content");
            if (string.IsNullOrEmpty(content)) throw reader.Refuse($"{field}.content: expected a non-empty string");
            foreach (var flag in new[] { "lstrip", "rstrip", "single_word" })
                if (reader.Bool(item, flag, $"{field}.{flag}"))
                    throw reader.Refuse($"{field}.{flag} is true, which is not supported; expected false");
            // Matched on the raw text here; a token matched after normalizing would need the normalizer to keep offsets.
            if (hasNormalizer && reader.Bool(item, "normalized", $"{field}.normalized"))
                throw reader.Refuse($"{field}.normalized is true beside a normalizer, which is not supported; expected false");
            tokens.Add(new AddedToken(id, content, reader.Bool(item, "special", $"{field}.special")));
            index++;
        }
        return tokens;
    }
}
