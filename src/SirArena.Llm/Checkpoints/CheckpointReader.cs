using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// A Hugging Face checkpoint folder opened for reading: <c>config.json</c> plus either
/// <c>model.safetensors</c> or <c>model.safetensors.index.json</c> and the shards it names (the layout
/// transformers' <c>save_pretrained</c> writes). Every file is checked on <see cref="Open"/>; tensors
/// are read on demand, so a caller never holds two copies of the weights.
/// </summary>
public sealed class CheckpointReader : IDisposable
{
    readonly List<SafeTensorsFile> files;
    readonly Dictionary<string, SafeTensorsFile> fileOf;

    CheckpointReader(string folder, LlamaConfig config, string weightsPath, List<SafeTensorsFile> files,
        Dictionary<string, SafeTensorsFile> fileOf)
    {
        Folder = folder;
        Config = config;
        WeightsPath = weightsPath;
        this.files = files;
        this.fileOf = fileOf;
        Tensors = fileOf.ToDictionary(f => f.Key, f => f.Value.Info(f.Key));
    }

    public string Folder { get; }
    public LlamaConfig Config { get; }
    /// <summary>The file that lists the tensors: model.safetensors, or the index of a sharded checkpoint.</summary>
    public string WeightsPath { get; }
    /// <summary>Every tensor of every shard: name → file, dtype, shape.</summary>
    public IReadOnlyDictionary<string, SafeTensorInfo> Tensors { get; }

    /// <summary>Opens and checks the folder; every failure is a <see cref="CheckpointException"/> naming the file.</summary>
    public static CheckpointReader Open(string folder)
    {
        if (!Directory.Exists(folder)) throw new CheckpointException($"{folder}: checkpoint folder not found");
        var config = ReadConfig(Path.Combine(folder, ShardIndex.ConfigFile));
        string single = Path.Combine(folder, ShardIndex.SingleFile);
        string index = Path.Combine(folder, ShardIndex.IndexFile);
        var files = new List<SafeTensorsFile>();
        try
        {
            if (File.Exists(single))
            {
                files.Add(SafeTensorsFile.Open(single));
                return new CheckpointReader(folder, config, single, files, files[0].Names.ToDictionary(n => n, _ => files[0]));
            }
            if (File.Exists(index))
                return new CheckpointReader(folder, config, index, files, OpenShards(folder, index, files));
            throw new CheckpointException(
                $"{folder}: neither {ShardIndex.SingleFile} nor {ShardIndex.IndexFile} is there; expected a Hugging Face safetensors checkpoint");
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }
    }

    static LlamaConfig ReadConfig(string path)
    {
        try
        {
            return LlamaConfig.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new CheckpointException(e.Message, e);
        }
    }

    /// <summary>Opens each shard the index names, holding the index and the shards' headers to agree both ways.</summary>
    static Dictionary<string, SafeTensorsFile> OpenShards(string folder, string index, List<SafeTensorsFile> opened)
    {
        var weightMap = ShardIndex.Read(index);
        var shards = new Dictionary<string, SafeTensorsFile>();
        foreach (string shard in weightMap.Values.Distinct().Order(StringComparer.Ordinal))
        {
            string path = Path.Combine(folder, shard);
            if (!File.Exists(path)) throw new CheckpointException($"{index}: names shard {shard}, which is not in {folder}");
            var file = SafeTensorsFile.Open(path);
            opened.Add(file);
            shards[shard] = file;
        }
        var fileOf = new Dictionary<string, SafeTensorsFile>();
        foreach (var (name, shard) in weightMap)
        {
            if (!shards[shard].Contains(name))
                throw new CheckpointException($"{index}: puts tensor {name} in {shard}, but {shards[shard].Path} has no tensor {name}");
            fileOf[name] = shards[shard];
        }
        foreach (var file in opened)
            foreach (string name in file.Names)
                if (!fileOf.TryGetValue(name, out var listed) || listed != file)
                    throw new CheckpointException($"{file.Path}: holds tensor {name}, which {index} does not place in this shard");
        return fileOf;
    }

    /// <summary>The tensor on the CPU, converted to <paramref name="convertTo"/> (float32 unless told; null keeps the stored dtype).</summary>
    public Tensor Read(string name, ScalarType? convertTo = ScalarType.Float32) =>
        fileOf.TryGetValue(name, out var file)
            ? file.Read(name, convertTo)
            : throw new CheckpointException($"{WeightsPath}: there is no tensor {name}");

    /// <summary>
    /// Copies the checkpoint into <paramref name="destination"/> (e.g. a module's <c>state_dict()</c>),
    /// strictly: every destination name must be in the checkpoint with the destination's shape and a
    /// readable dtype, and every checkpoint tensor must have a destination, except rotary
    /// <c>inv_freq</c> buffers and, when config.json ties the embeddings, <c>lm_head.weight</c> (which
    /// is filled from <c>model.embed_tokens.weight</c> when the checkpoint omits it). Values are
    /// converted to each destination's dtype and device. Nothing is copied unless all of it fits; the
    /// <see cref="CheckpointException"/> lists what does not. A tensor holding NaN or Inf stops the copy with a
    /// <see cref="CheckpointException"/> naming it, leaving the destination part-filled, to be discarded.
    /// </summary>
    public void LoadInto(IReadOnlyDictionary<string, Tensor> destination) => StrictLoader.Load(this, destination);

    public void Dispose() => files.ForEach(f => f.Dispose());
}
