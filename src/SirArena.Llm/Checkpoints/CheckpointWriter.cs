using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// Writes a Hugging Face checkpoint folder as transformers' <c>save_pretrained</c> does: config.json,
/// then the tensors in name order, either as one <c>model.safetensors</c> or, when they exceed the
/// shard size, as <c>model-0000k-of-0000n.safetensors</c> shards with <c>model.safetensors.index.json</c>.
/// </summary>
public static class CheckpointWriter
{
    static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string> { ["format"] = "pt" };

    /// <summary>
    /// Writes <paramref name="config"/> and <paramref name="stateDict"/> into <paramref name="folder"/>,
    /// stored as <paramref name="storeAs"/> (float32, float16 or bfloat16; config.json's torch_dtype says
    /// which). Shards hold at most <paramref name="maxShardBytes"/> bytes of tensor data, except that a
    /// larger tensor gets a shard of its own; when everything fits in one, no index is written. With
    /// tied embeddings, <c>lm_head.weight</c> is left out, as transformers does.
    /// </summary>
    public static void Write(string folder, LlamaConfig config, IReadOnlyDictionary<string, Tensor> stateDict,
        ScalarType storeAs = ScalarType.Float32, long? maxShardBytes = null)
    {
        var dtype = SafeTensorsDtype.FromScalarType(storeAs);
        if (maxShardBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxShardBytes), maxShardBytes, "must be positive");
        var tensors = stateDict
            .Where(t => !(config.TieWordEmbeddings && t.Key == "lm_head.weight"))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, t.Value))
            .ToList();
        var shards = Split(tensors, dtype.Size, maxShardBytes ?? long.MaxValue);

        Directory.CreateDirectory(folder);
        RemoveWeights(folder);
        (config with { TorchDtype = TorchDtype(storeAs) }).Save(Path.Combine(folder, ShardIndex.ConfigFile));
        if (shards.Count == 1)
        {
            SafeTensorsWriter.Write(Path.Combine(folder, ShardIndex.SingleFile), shards[0], storeAs, Metadata);
            return;
        }
        var weightMap = new Dictionary<string, string>();
        for (int i = 0; i < shards.Count; i++)
        {
            string shard = ShardIndex.ShardName(i + 1, shards.Count);
            SafeTensorsWriter.Write(Path.Combine(folder, shard), shards[i], storeAs, Metadata);
            foreach (var (name, _) in shards[i]) weightMap[name] = shard;
        }
        long totalSize = tensors.Sum(t => t.Value.numel() * dtype.Size);
        // The index goes last: a folder with an index has every shard it names.
        ShardIndex.Write(Path.Combine(folder, ShardIndex.IndexFile), totalSize, weightMap);
    }

    /// <summary>Fills shards in order, starting a new one when the next tensor would overflow the current one.</summary>
    static List<List<(string Name, Tensor Tensor)>> Split(List<(string Name, Tensor Tensor)> tensors, int elementSize, long maxShardBytes)
    {
        var shards = new List<List<(string, Tensor)>> { new() };
        long filled = 0;
        foreach (var tensor in tensors)
        {
            long size = tensor.Tensor.numel() * elementSize;
            if (shards[^1].Count > 0 && filled + size > maxShardBytes)
            {
                shards.Add([]);
                filled = 0;
            }
            shards[^1].Add(tensor);
            filled += size;
        }
        return shards;
    }

    /// <summary>Weights of an earlier save would be read instead of, or mixed with, the new ones.</summary>
    static void RemoveWeights(string folder)
    {
        foreach (string file in Directory.GetFiles(folder))
        {
            string name = Path.GetFileName(file);
            if (name is ShardIndex.SingleFile or ShardIndex.IndexFile || ShardIndex.ShardNamePattern().IsMatch(name))
                File.Delete(file);
        }
    }

    static string TorchDtype(ScalarType type) => type switch
    {
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        _ => "float32",
    };
}
