using System.Text.Json.Nodes;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>
/// A small hand-made tokenizer.json in the shape Llama 3 and Qwen write (byte-level BPE, a Split regex then
/// ByteLevel, added special tokens), for tests that change one field and check how it is read.
/// </summary>
public static class TinyTokenizerJson
{
    public const string BeginText = "<|begin|>";
    public const string EndText = "<|end|>";

    public static JsonObject Create()
    {
        var vocab = new JsonObject();
        int id = 0;
        for (int b = 0; b < 256; b++) vocab[SirArena.Llm.Tokenizers.ByteLevelAlphabet.ByteSymbols[b]] = id++;
        foreach (var token in new[] { "ro", "ck", "rock", "Ġrock" }) vocab[token] = id++;
        return new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(Added(id, BeginText), Added(id + 1, EndText)),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Split",
                        ["pattern"] = new JsonObject { ["Regex"] = @"(?i:'s|'t)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+" },
                        ["behavior"] = "Isolated",
                        ["invert"] = false,
                    },
                    new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["use_regex"] = false }),
            },
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel" },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["byte_fallback"] = false,
                ["ignore_merges"] = false,
                ["vocab"] = vocab,
                ["merges"] = new JsonArray("r o", new JsonArray("c", "k"), "ro ck", "Ġ rock"),
            },
        };
    }

    static JsonObject Added(int id, string content) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
        ["normalized"] = false, ["special"] = true,
    };

    public static void WriteTo(string folder, JsonObject tokenizer) =>
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), tokenizer.ToJsonString());
}
