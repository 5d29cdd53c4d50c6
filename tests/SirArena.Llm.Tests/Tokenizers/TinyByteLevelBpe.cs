using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>
/// A GPT-2-style byte-level BPE small enough to reason about: the 256 byte symbols (ids 0..255, in byte order)
/// and, after them, whole words built one symbol at a time from the left, so "Ġrock" needs the merges
/// "Ġ r", "Ġr o", "Ġro c", "Ġroc k" and every prefix along the way is a token too.
/// </summary>
public static class TinyByteLevelBpe
{
    public static readonly string[] Words = ["Ġrock", "Ġpaper", "Ġscissors", "USER", "ASSISTANT", "<|endoftext|>"];

    public static (Dictionary<string, int> Vocabulary, List<(string Left, string Right)> Merges) Build()
    {
        var vocabulary = new Dictionary<string, int>();
        foreach (var symbol in ByteLevelAlphabet.ByteSymbols) vocabulary.Add(symbol, vocabulary.Count);
        var merges = new List<(string, string)>();
        foreach (var word in Words)
        {
            for (int i = 1; i < word.Length; i++)
            {
                var merged = word[..(i + 1)];
                if (vocabulary.TryAdd(merged, vocabulary.Count)) merges.Add((word[..i], word[i].ToString()));
            }
        }
        return (vocabulary, merges);
    }

    /// <summary>Writes vocab.json + merges.txt into <paramref name="folder"/>; returns the vocabulary for expected ids.</summary>
    public static Dictionary<string, int> WriteTo(string folder)
    {
        var (vocabulary, merges) = Build();
        BpeFiles.Write(folder, vocabulary, merges);
        return vocabulary;
    }
}
