using Microsoft.ML.Tokenizers;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// The one tokenizer type the engine sees, over Microsoft.ML.Tokenizers, loaded from the tokenizer files of a
/// Hugging Face checkpoint folder: <c>tokenizer.json</c> (the tokenizers library's file, as Llama 3, Qwen, Gemma
/// and Mistral ship it), <c>tokenizer.model</c> (SentencePiece, as Llama 2 ships it) or <c>vocab.json</c> +
/// <c>merges.txt</c> (GPT-2 byte-level BPE), with bos/eos names and the chat template optionally taken from
/// <c>tokenizer_config.json</c> / <c>special_tokens_map.json</c>.
/// Encoding never adds special tokens: a caller that wants BOS prepends <see cref="BosId"/> itself, because
/// the agent tokenizes a conversation chunk by chunk and only the first chunk may begin a sequence.
/// </summary>
public sealed class TextTokenizer
{
    public const string SentencePieceFileName = "tokenizer.model";

    readonly Func<string, int[]> encode;
    readonly Func<IEnumerable<int>, string> decode;
    readonly string[] tokenTexts;

    internal TextTokenizer(Tokenizer inner, string[] tokenTexts, int? bosId, int? eosId)
        : this(text => [.. inner.EncodeToIds(text)], inner.Decode, tokenTexts, bosId, eosId)
    {
    }

    internal TextTokenizer(Func<string, int[]> encode, Func<IEnumerable<int>, string> decode, string[] tokenTexts, int? bosId, int? eosId)
    {
        this.encode = encode;
        this.decode = decode;
        this.tokenTexts = tokenTexts;
        BosId = bosId;
        EosId = eosId;
    }

    /// <summary>Ids run from 0 to VocabSize - 1; the decoder's embedding has this many rows.</summary>
    public int VocabSize => tokenTexts.Length;

    /// <summary>Beginning-of-sequence id, when the tokenizer files name one.</summary>
    public int? BosId { get; }

    /// <summary>End-of-sequence id, when the tokenizer files name one.</summary>
    public int? EosId { get; }

    /// <summary>
    /// The model's Jinja chat template as its folder gives it (chat_template.jinja, else tokenizer_config.json's
    /// <c>chat_template</c>), or null when it gives none. Read and exposed only; rendering it is the caller's.
    /// </summary>
    public string? ChatTemplate { get; private set; }

    /// <summary>
    /// Reads the tokenizer of <paramref name="modelFolder"/>. tokenizer.json wins over every other file: it is what
    /// transformers' AutoTokenizer loads when present, and only it carries the added tokens (chat markers such as
    /// &lt;|im_start|&gt;) and the exact normalizer and pre-tokenizer. Without it, tokenizer.model wins over
    /// vocab.json + merges.txt, since a Llama checkpoint's SentencePiece model is the tokenizer its weights were
    /// trained with.
    /// Missing files throw <see cref="FileNotFoundException"/>, malformed ones <see cref="InvalidDataException"/>,
    /// each naming the file.
    /// </summary>
    public static TextTokenizer Load(string modelFolder)
    {
        if (!Directory.Exists(modelFolder))
            throw new DirectoryNotFoundException($"{modelFolder}: model folder not found");

        var names = SpecialTokenNames.Read(modelFolder);
        var tokenizer = LoadFormat(modelFolder, names);
        tokenizer.ChatTemplate = ChatTemplateFile.Read(modelFolder);
        return tokenizer;
    }

    static TextTokenizer LoadFormat(string modelFolder, SpecialTokenNames names)
    {
        if (File.Exists(Path.Combine(modelFolder, HuggingFaceTokenizerFile.FileName))) return HuggingFaceTokenizerLoader.Load(modelFolder, names);

        var sentencePiece = Path.Combine(modelFolder, SentencePieceFileName);
        if (File.Exists(sentencePiece)) return SentencePieceLoader.Load(sentencePiece, names);

        bool anyBpeFile = File.Exists(Path.Combine(modelFolder, BpeFiles.VocabFileName))
            || File.Exists(Path.Combine(modelFolder, BpeFiles.MergesFileName));
        if (anyBpeFile) return ByteLevelBpeLoader.Load(modelFolder, names);

        throw new FileNotFoundException(
            $"{modelFolder}: no tokenizer found; expected {HuggingFaceTokenizerFile.FileName}, {SentencePieceFileName} (SentencePiece) " +
            $"or {BpeFiles.VocabFileName} + {BpeFiles.MergesFileName} (byte-level BPE)");
    }

    /// <summary>The ids of <paramref name="text"/>, with no BOS/EOS added.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return encode(text);
    }

    /// <summary>
    /// The text of a run of ids. BOS and EOS mark sequence bounds and carry no text, so they are left out here
    /// (<see cref="TokenText"/> still names them). An id outside the vocabulary throws rather than being
    /// dropped silently, as the library would.
    /// </summary>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var kept = new List<int>(ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            CheckId(id, $"{nameof(ids)}[{i}]");
            if (id != BosId && id != EosId) kept.Add(id);
        }
        return decode(kept);
    }

    /// <summary>
    /// What one token shows a person, leading space included (" rock"); control tokens by name ("&lt;s&gt;"),
    /// and a byte that is only part of a character as &lt;0xNN&gt;. Meant for displays such as which tokens a
    /// cache retains, where decoding a lone token would drop its leading space.
    /// </summary>
    public string TokenText(int id)
    {
        CheckId(id, nameof(id));
        return tokenTexts[id];
    }

    void CheckId(int id, string what)
    {
        if ((uint)id >= (uint)tokenTexts.Length)
            throw new ArgumentOutOfRangeException(what, id, $"token id {id} is outside the vocabulary of {tokenTexts.Length}");
    }
}
