using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// Encodes and decodes as the tokenizers library does for a <see cref="HuggingFaceTokenizerFile"/>: added tokens
/// are cut out of the raw text first and never split or merged; each stretch between them is normalized, split by
/// the pre-tokenizer, and each piece is merged by Microsoft.ML.Tokenizers' BPE. This class adds only what that
/// library's BpeTokenizer does not express: the added-token cut, the file's normalizer and pre-tokenizer chain,
/// ignore_merges, byte fallback, and the file's decoder.
/// </summary>
internal sealed class HuggingFaceBpe
{
    readonly HuggingFaceTokenizerFile file;
    readonly BpeTokenizer bpe;
    readonly Regex? addedTokenPattern;
    readonly Dictionary<string, int> addedIds;
    readonly string[] tokenStrings;
    readonly int[]? byteIds;
    readonly int? unknownId;

    public HuggingFaceBpe(HuggingFaceTokenizerFile file, string[] tokenStrings)
    {
        this.file = file;
        this.tokenStrings = tokenStrings;
        addedIds = file.AddedTokens.GroupBy(t => t.Content).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.Ordinal);
        // Longest first, so that of two added tokens where one begins the other the longer wins, as in the library.
        addedTokenPattern = addedIds.Count == 0 ? null : new Regex(
            string.Join('|', addedIds.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant);
        unknownId = file.UnknownToken is { } unk && file.Vocabulary.TryGetValue(unk, out int u) ? u : null;
        if (file.ByteFallback)
        {
            var ids = new int[256];
            bool all = true;
            for (int b = 0; b < 256 && all; b++) all = file.Vocabulary.TryGetValue($"<0x{b:X2}>", out ids[b]);
            byteIds = all ? ids : null;
        }

        try
        {
            bpe = BpeTokenizer.Create(new BpeOptions(file.Vocabulary)
            {
                Merges = file.Merges.Select(m => $"{m.Left} {m.Right}"),
                ByteLevel = file.PreTokenizer.ByteLevel,
                // Pieces arrive already cut by the file's own pre-tokenizer; the library must take each whole.
                PreTokenizer = new RegexPreTokenizer(WholeText(), specialTokens: null),
            });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{file.Path}: model rejected by the BPE library: {e.Message}", e);
        }
    }

    public int[] Encode(string text)
    {
        var ids = new List<int>();
        int at = 0;
        if (addedTokenPattern is not null)
        {
            foreach (Match match in addedTokenPattern.Matches(text))
            {
                EncodeStretch(text[at..match.Index], ids);
                ids.Add(addedIds[match.Value]);
                at = match.Index + match.Length;
            }
        }
        EncodeStretch(text[at..], ids);
        return [.. ids];
    }

    public string Decode(IEnumerable<int> ids) => file.Decoder.Decode(ids.Select(id => tokenStrings[id]));

    void EncodeStretch(string stretch, List<int> ids)
    {
        if (stretch.Length == 0) return;
        foreach (var piece in file.PreTokenizer.Split(file.Normalizer.Apply(stretch)))
        {
            // ignore_merges (Llama 3): a piece the vocabulary holds whole is that token, whatever the merges would make.
            if (file.IgnoreMerges && file.Vocabulary.TryGetValue(file.PreTokenizer.ByteLevel ? ByteLevelAlphabet.FromText(piece) : piece, out int whole))
                ids.Add(whole);
            else if (file.PreTokenizer.ByteLevel)
                ids.AddRange(bpe.EncodeToIds(piece));
            else
                EncodeCharacters(piece, ids);
        }
    }

    /// <summary>
    /// A character the vocabulary lacks cannot take part in any merge, so the piece is merged in runs of known
    /// characters and each unknown one becomes its UTF-8 byte tokens (byte_fallback) or the unknown token.
    /// </summary>
    void EncodeCharacters(string piece, List<int> ids)
    {
        int runStart = 0, at = 0;
        bool lastWasUnknown = false;
        Span<byte> utf8 = stackalloc byte[4];
        while (at < piece.Length)
        {
            var rune = Rune.GetRuneAt(piece, at);
            var character = rune.ToString();
            if (file.Vocabulary.ContainsKey(character)) { at += rune.Utf16SequenceLength; lastWasUnknown = false; continue; }

            if (at > runStart) ids.AddRange(bpe.EncodeToIds(piece[runStart..at]));
            if (byteIds is not null)
            {
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) ids.Add(byteIds[b]);
            }
            else if (unknownId is { } unk)
            {
                if (!(file.FuseUnknown && lastWasUnknown)) ids.Add(unk);
                lastWasUnknown = true;
            }
            else
            {
                throw new ArgumentException($"the text holds \"{character}\", which {file.Path} can encode neither as a token, as bytes, nor as an unknown token");
            }
            at += rune.Utf16SequenceLength;
            runStart = at;
        }
        if (at > runStart) ids.AddRange(bpe.EncodeToIds(piece[runStart..at]));
    }

    static Regex WholeText() => new(@"[\s\S]+", RegexOptions.CultureInvariant);
}
