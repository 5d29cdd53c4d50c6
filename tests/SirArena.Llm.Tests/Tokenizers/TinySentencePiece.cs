namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>
/// A Llama-style SentencePiece model written by hand (google/sentencepiece sentencepiece_model.proto):
/// BPE with byte fallback, &lt;unk&gt; &lt;s&gt; &lt;/s&gt; first, the 256 &lt;0xNN&gt; byte pieces, then a few
/// normal pieces whose scores rank the merges (higher merges first). Llama's normalizer: add a dummy
/// prefix, escape whitespace as ▁, keep extra whitespace.
/// </summary>
public static class TinySentencePiece
{
    // ModelProto.SentencePiece.Type
    const int Normal = 1, Unknown = 2, Control = 3, Byte = 6;

    /// <summary>Merged pieces, best first; each is reachable because its parts are pieces too.</summary>
    public static readonly string[] Pieces =
        ["▁rock", "▁paper", "▁roc", "▁ro", "▁r", "▁pa", "▁p", "per", "pe", "USER", "USE", "US", "▁",
         "r", "o", "c", "k", "p", "a", "e", "U", "S", "E", "R", ":"];

    /// <summary>The id of the first entry of <see cref="Pieces"/>: after the three control pieces and 256 bytes.</summary>
    public const int FirstPieceId = 3 + 256;

    public static int IdOf(string piece) => FirstPieceId + Array.IndexOf(Pieces, piece);

    /// <summary>The model's bytes, with the special ids placed as given (sentencepiece lets a trainer move them).</summary>
    public static byte[] Build(int unkId = 0, int bosId = 1, int eosId = 2)
    {
        var specials = new Dictionary<int, (string Piece, int Type)>
        {
            [unkId] = ("<unk>", Unknown), [bosId] = ("<s>", Control), [eosId] = ("</s>", Control),
        };
        var model = new ProtoWriter();
        for (int id = 0; id < 3; id++) AddPiece(model, specials[id].Piece, 0f, specials[id].Type);
        for (int b = 0; b < 256; b++) AddPiece(model, $"<0x{b:X2}>", 0f, Byte);
        for (int i = 0; i < Pieces.Length; i++) AddPiece(model, Pieces[i], -i, Normal);

        model.Message(2, trainer => trainer
            .Int(3, 2)                                  // model_type: BPE
            .Int(4, FirstPieceId + Pieces.Length)       // vocab_size
            .Bool(35, true)                             // byte_fallback
            .Int(40, unkId).Int(41, bosId).Int(42, eosId)
            .Int(43, -1));                              // pad_id: none
        model.Message(3, normalizer => normalizer
            .String(1, "identity")
            .Bool(3, true)                              // add_dummy_prefix
            .Bool(4, false)                             // remove_extra_whitespaces
            .Bool(5, true));                            // escape_whitespaces
        return model.ToArray();
    }

    public static void WriteTo(string folder, int unkId = 0, int bosId = 1, int eosId = 2) =>
        File.WriteAllBytes(Path.Combine(folder, "tokenizer.model"), Build(unkId, bosId, eosId));

    static void AddPiece(ProtoWriter model, string piece, float score, int type) =>
        model.Message(1, p => p.String(1, piece).Float(2, score).Int(3, type));
}
