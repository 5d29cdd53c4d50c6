using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// Writes a GPT-2 byte-level BPE (the tokenizer this project trains) as a Hugging Face <c>tokenizer.json</c> +
/// <c>tokenizer_config.json</c>, so that transformers, transformers.js and this engine's own reader load the same
/// tokenizer from one file as from vocab.json + merges.txt: ByteLevel pre-tokenizer with GPT-2's split, no
/// normalizer, no added tokens, ByteLevel decoder.
/// </summary>
public static class HuggingFaceTokenizerWriter
{
    public const string ConfigFileName = "tokenizer_config.json";

    public static void WriteByteLevelBpe(string folder, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<(string Left, string Right)> merges)
    {
        var vocab = new JsonObject();
        foreach (var (token, id) in vocabulary.OrderBy(p => p.Value)) vocab[token] = id;
        var mergeArray = new JsonArray();
        // "left right" strings, which every version of the tokenizers library reads; byte-level tokens hold no spaces.
        foreach (var (left, right) in merges) mergeArray.Add($"{left} {right}");

        var tokenizer = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray(),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true,
            },
            ["post_processor"] = null,
            ["decoder"] = new JsonObject
            {
                ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true,
            },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null, ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab, ["merges"] = mergeArray,
            },
        };
        // No bos/eos: the project's tokenizer has none, and the agent marks turns with text, not control tokens.
        var config = new JsonObject
        {
            ["tokenizer_class"] = "PreTrainedTokenizerFast",
            ["bos_token"] = null,
            ["eos_token"] = null,
            ["add_bos_token"] = false,
            ["add_eos_token"] = false,
            ["clean_up_tokenization_spaces"] = false,
        };

        Directory.CreateDirectory(folder);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(folder, HuggingFaceTokenizerFile.FileName), tokenizer.ToJsonString(options) + "\n");
        File.WriteAllText(Path.Combine(folder, ConfigFileName), config.ToJsonString(options) + "\n");
    }
}
