using System.Security.Cryptography;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Inference;

/// <summary>
/// A model folder in Hugging Face layout, loaded: the decoder, its tokenizer, and a hash of every file that
/// determines what it computes (so a replay can tell whether it is being verified against the same model).
/// The decoder's weights are only read, so one instance can serve many sessions.
/// </summary>
public sealed class LanguageModel : IDisposable
{
    public string Folder { get; }
    public LlamaForCausalLM Decoder { get; }
    public TextTokenizer Tokenizer { get; }
    /// <summary>SHA-256 over the folder's config, weights and tokenizer files, in name order (hex).</summary>
    public string ContentHash { get; }

    LanguageModel(string folder, LlamaForCausalLM decoder, TextTokenizer tokenizer, string contentHash)
    {
        Folder = folder;
        Decoder = decoder;
        Tokenizer = tokenizer;
        ContentHash = contentHash;
    }

    /// <param name="device">where the decoder computes (CPU when null), see <see cref="ComputeDevice"/></param>
    public static LanguageModel Load(string folder, TorchSharp.torch.Device? device = null)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: model folder not found (expected config.json, model.safetensors and tokenizer files)");
        TorchRuntime.EnsureLoaded();
        var tokenizer = TextTokenizer.Load(folder);
        var decoder = PretrainedLlama.Load(folder, device);
        try
        {
            if (tokenizer.VocabSize > decoder.Config.VocabSize)
                throw new InvalidDataException($"{folder}: the tokenizer has {tokenizer.VocabSize} tokens but config.json's vocab_size is {decoder.Config.VocabSize}");
            return new LanguageModel(Path.GetFullPath(folder), decoder, tokenizer, HashFiles(folder));
        }
        catch
        {
            decoder.Dispose();
            throw;
        }
    }

    /// <summary>The files that decide the model's behaviour: everything but documentation.</summary>
    public static string HashFiles(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(folder)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\0"));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0) sha.AppendData(buffer.AsSpan(0, read));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public void Dispose() => Decoder.Dispose();
}
