using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using SirArena.Llm.Tokenizers;
using TorchSharp;

namespace SirArena.Arena.Tests.Support;

/// <summary>
/// A whole model folder in Hugging Face layout, written by the test itself: a 2-layer, 32-wide decoder with random
/// weights from a seed and a byte-level BPE tokenizer of the 256 byte symbols plus a few merges of the dialogue's
/// words (the bare moves too, as the user reports them in "[rock]"), so that every scenario's text encodes. Removed with everything in it.
/// </summary>
public sealed class TinyModelFolder : IDisposable
{
    static readonly string[] Words = ["USER", ":", "ĠI", "Ġchose", "ASSISTANT", "Ġrock", "Ġpaper", "Ġscissors", "Ġthe", "ĠYou", "Ġchoose", "rock", "paper", "scissors"];

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sirarena-model-" + Guid.NewGuid().ToString("N"));

    public TinyModelFolder(int seed = 1, int maxPositions = 1024)
    {
        Directory.CreateDirectory(Path);
        var vocabulary = new Dictionary<string, int>();
        foreach (var symbol in ByteLevelAlphabet.ByteSymbols) vocabulary.Add(symbol, vocabulary.Count);
        var merges = new List<(string, string)>();
        foreach (var word in Words)
            for (int i = 1; i < word.Length; i++)
                if (vocabulary.TryAdd(word[..(i + 1)], vocabulary.Count)) merges.Add((word[..i], word[i].ToString()));
        BpeFiles.Write(Path, vocabulary, merges);

        var config = new LlamaConfig
        {
            VocabSize = vocabulary.Count, HiddenSize = 32, IntermediateSize = 64, NumHiddenLayers = 2,
            NumAttentionHeads = 4, NumKeyValueHeads = 2, MaxPositionEmbeddings = maxPositions,
        };
        torch.manual_seed(seed);
        using var model = new LlamaForCausalLM(config);
        PretrainedLlama.Save(model, Path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
