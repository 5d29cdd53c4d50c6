using SirArena.Llm.Tokenizers;

namespace SirArena.Training.Tokenization;

/// <summary>
/// A trained byte-level BPE: the vocabulary (the 256 byte symbols with ids 0..255, then one token per merge in the
/// order learnt) and the merges in priority order, both written in <see cref="ByteLevelAlphabet"/> symbols.
/// </summary>
public sealed record BpeVocabulary(IReadOnlyDictionary<string, int> Tokens, IReadOnlyList<(string Left, string Right)> Merges)
{
    public int Count => Tokens.Count;

    /// <summary>
    /// Writes vocab.json + merges.txt and the same tokenizer as tokenizer.json + tokenizer_config.json into
    /// <paramref name="folder"/>: the pair for GPT-2-era readers, tokenizer.json for transformers' fast tokenizers
    /// and transformers.js. TextTokenizer.Load reads tokenizer.json first; both give the same ids.
    /// </summary>
    public void Save(string folder)
    {
        BpeFiles.Write(folder, Tokens, Merges);
        HuggingFaceTokenizerWriter.WriteByteLevelBpe(folder, Tokens, Merges);
    }
}
