using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// Builds a tokenizer from a SentencePiece <c>tokenizer.model</c> (Kudo and Richardson 2018; a serialized
/// <c>ModelProto</c> of google/sentencepiece's sentencepiece_model.proto), BPE or Unigram, as Llama ships it.
/// bos/eos come from tokenizer_config.json / special_tokens_map.json when those name them, else from the
/// model's own trainer spec.
/// </summary>
internal static class SentencePieceLoader
{
    /// <summary>SentencePiece writes whitespace as U+2581 inside pieces.</summary>
    const char SpaceMark = '\u2581';

    public static TextTokenizer Load(string path, SpecialTokenNames names)
    {
        var bytes = File.ReadAllBytes(path);
        // An empty stream makes the library throw NullReferenceException; say what is wrong instead.
        if (bytes.Length == 0) throw new InvalidDataException($"{path}: the file is empty; expected a SentencePiece model");

        SentencePieceTokenizer model;
        try
        {
            model = SentencePieceTokenizer.Create(new MemoryStream(bytes), addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library surfaces protobuf errors (Google.Protobuf.InvalidProtocolBufferException) and its own
            // argument checks alike; whichever it was, the file is not a model this engine can use.
            throw new InvalidDataException($"{path}: not a readable SentencePiece model ({e.GetType().Name}: {e.Message})", e);
        }

        int vocabSize = model.Vocabulary.Values.Max() + 1;
        var pieces = new string[vocabSize];
        foreach (var (piece, id) in model.Vocabulary) pieces[id] = piece;
        var missing = Array.IndexOf(pieces, null);
        if (missing >= 0) throw new InvalidDataException($"{path}: no piece has id {missing}; ids must run from 0 to {vocabSize - 1}");

        int? IdOf(string token) => model.Vocabulary.TryGetValue(token, out int id) ? id : null;
        var bosId = SpecialTokenNames.Resolve(names.Bos, "bos_token", IdOf) ?? IdOrNone(model.BeginningOfSentenceId, vocabSize);
        var eosId = SpecialTokenNames.Resolve(names.Eos, "eos_token", IdOf) ?? IdOrNone(model.EndOfSentenceId, vocabSize);

        var control = new HashSet<int>(new[] { bosId, eosId, IdOrNone(model.UnknownId, vocabSize) }.OfType<int>());
        var texts = new string[vocabSize];
        for (int id = 0; id < vocabSize; id++)
            texts[id] = control.Contains(id) ? pieces[id] : SurfaceText(pieces[id], model.ByteFallback);
        return new TextTokenizer(model, texts, bosId, eosId);
    }

    /// <summary>The trainer spec writes -1 for "no such token".</summary>
    static int? IdOrNone(int id, int vocabSize) => id >= 0 && id < vocabSize ? id : null;

    /// <summary>
    /// "▁rock" shows " rock"; a byte piece "&lt;0x41&gt;" shows "A" when that byte is a whole character
    /// (ASCII), and otherwise keeps its name, since alone it is only part of one.
    /// </summary>
    internal static string SurfaceText(string piece, bool byteFallback)
    {
        if (byteFallback && piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
            && byte.TryParse(piece.AsSpan(3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
            return ByteLevelAlphabet.SurfaceText([b]);
        return piece.Replace(SpaceMark, ' ');
    }
}
