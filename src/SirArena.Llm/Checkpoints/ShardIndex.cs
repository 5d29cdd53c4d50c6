using System.Text.Json;
using System.Text.RegularExpressions;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// The file names of a Hugging Face checkpoint folder and its <c>model.safetensors.index.json</c>:
/// <c>{"metadata": {"total_size": n}, "weight_map": {"tensor.name": "model-00001-of-00002.safetensors"}}</c>,
/// where total_size counts tensor bytes only, as transformers' <c>save_pretrained</c> writes it.
/// </summary>
internal static partial class ShardIndex
{
    public const string ConfigFile = "config.json";
    public const string SingleFile = "model.safetensors";
    public const string IndexFile = "model.safetensors.index.json";

    public static string ShardName(int number, int count) => $"model-{number:D5}-of-{count:D5}.safetensors";

    [GeneratedRegex(@"^model-\d{5}-of-\d{5}\.safetensors$")]
    public static partial Regex ShardNamePattern();

    /// <summary>Tensor name → shard file name; throws <see cref="CheckpointException"/> naming the index file.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path}: not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
                throw new CheckpointException($"{path}: expected an object with a \"weight_map\" object of tensor name to shard file");
            var weightMap = new Dictionary<string, string>();
            foreach (var entry in map.EnumerateObject())
            {
                string? shard = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
                // A shard is a file beside the index; a path could reach outside the checkpoint folder.
                if (string.IsNullOrEmpty(shard) || Path.GetFileName(shard) != shard)
                    throw new CheckpointException($"{path}: tensor {entry.Name} maps to {entry.Value.GetRawText()}, expected a file name beside the index");
                weightMap[entry.Name] = shard;
            }
            return weightMap;
        }
    }

    public static void Write(string path, long totalSize, IReadOnlyDictionary<string, string> weightMap)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        json.WriteNumber("total_size", totalSize);
        json.WriteEndObject();
        json.WriteStartObject("weight_map");
        foreach (var (name, shard) in weightMap.OrderBy(w => w.Key, StringComparer.Ordinal)) json.WriteString(name, shard);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
