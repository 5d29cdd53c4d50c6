using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// Builds a GPT-2 byte-level BPE tokenizer (Radford et al. 2019, "Language Models are Unsupervised Multitask
/// Learners", section 2.2) from vocab.json + merges.txt: text is split by GPT-2's pre-tokenization pattern, each
/// piece's UTF-8 bytes are written in <see cref="ByteLevelAlphabet"/>, and merges are applied within a piece.
/// </summary>
internal static class ByteLevelBpeLoader
{
    public static TextTokenizer Load(string folder, SpecialTokenNames names)
    {
        var files = BpeFiles.Read(folder);
        var vocabPath = Path.Combine(folder, BpeFiles.VocabFileName);
        for (int b = 0; b < 256; b++)
        {
            var symbol = ByteLevelAlphabet.ByteSymbols[b];
            // Without all 256, text holding that byte could not be encoded at all: no unknown token stands in.
            if (!files.Vocabulary.ContainsKey(symbol))
                throw new InvalidDataException(
                    $"{vocabPath}: a byte-level vocabulary must hold all 256 byte symbols; \"{symbol}\" (byte 0x{b:X2}) is missing");
        }

        var bosId = SpecialTokenNames.Resolve(names.Bos, "bos_token", IdOf);
        var eosId = SpecialTokenNames.Resolve(names.Eos, "eos_token", IdOf);

        var options = new BpeOptions(files.Vocabulary)
        {
            // BpeOptions.Merges takes "left right" lines and, unlike the file-path constructor, no "#version" header.
            Merges = files.Merges.Select(m => $"{m.Left} {m.Right}"),
            ByteLevel = true,
            // Given explicitly: left null, BpeTokenizer splits on whitespace and drops it, so " rock" would never
            // meet the "Ġrock" token and spaces would not survive a round trip.
            PreTokenizer = new RegexPreTokenizer(Gpt2PreTokenizer.Split(), specialTokens: null),
        };
        BpeTokenizer bpe;
        try
        {
            bpe = BpeTokenizer.Create(options);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{folder}: {BpeFiles.VocabFileName} + {BpeFiles.MergesFileName} rejected by the BPE library: {e.Message}", e);
        }

        var texts = new string[files.Vocabulary.Count];
        foreach (var (token, id) in files.Vocabulary)
            texts[id] = id == bosId || id == eosId ? token : SurfaceText(token);
        return new TextTokenizer(bpe, texts, bosId, eosId);

        int? IdOf(string token) => files.Vocabulary.TryGetValue(token, out int id) ? id : null;
    }

    /// <summary>A token written in the byte alphabet shows the text of its bytes; one outside it (a hand-added token holding a raw space, say) shows as written.</summary>
    internal static string SurfaceText(string token) =>
        token.All(c => ByteLevelAlphabet.TryToByte(c, out _))
            ? ByteLevelAlphabet.SurfaceText(ByteLevelAlphabet.ToBytes(token))
            : token;
}
