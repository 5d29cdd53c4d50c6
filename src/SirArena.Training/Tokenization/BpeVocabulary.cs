using SirArena.Llm.Tokenizers;

namespace SirArena.Training.Tokenization;

/// <summary>
/// A trained byte-level BPE: the vocabulary (the 256 byte symbols with ids 0..255, then one token per merge in the
/// order learnt) and the merges in priority order, both written in <see cref="ByteLevelAlphabet"/> symbols.
/// </summary>
public sealed record BpeVocabulary(IReadOnlyDictionary<string, int> Tokens, IReadOnlyList<(string Left, string Right)> Merges)
{
    public int Count => Tokens.Count;

    /// <summary>Writes vocab.json + merges.txt into <paramref name="folder"/>, the files TextTokenizer.Load reads back.</summary>
    public void Save(string folder) => BpeFiles.Write(folder, Tokens, Merges);
}
