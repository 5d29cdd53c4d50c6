namespace SirArena.Llm.Tokenizers;

/// <summary>
/// Builds a tokenizer from a Hugging Face <c>tokenizer.json</c>: byte-level BPE with the file's own pre-tokenizer
/// (Llama 3, Qwen2.5/3, SmolLM2) or SentencePiece-style BPE with byte fallback (Llama 2, Mistral, Gemma), plus
/// its added tokens; bos/eos names come from tokenizer_config.json / special_tokens_map.json.
/// </summary>
internal static class HuggingFaceTokenizerLoader
{
    public static TextTokenizer Load(string folder, SpecialTokenNames names)
    {
        var path = Path.Combine(folder, HuggingFaceTokenizerFile.FileName);
        var file = HuggingFaceTokenizerFile.Read(path);

        // Ids index the embedding rows, so every id below the largest must name a token.
        int vocabSize = Math.Max(file.Vocabulary.Values.Max(), file.AddedTokens.Count == 0 ? 0 : file.AddedTokens.Max(t => t.Id)) + 1;
        var tokens = new string?[vocabSize];
        foreach (var (token, id) in file.Vocabulary) tokens[id] = token;
        foreach (var added in file.AddedTokens) tokens[added.Id] = added.Content;
        int missing = Array.IndexOf(tokens, null);
        if (missing >= 0) throw new InvalidDataException($"{path}: no token has id {missing}; ids must run from 0 to {vocabSize - 1}");
        var tokenStrings = tokens.Select(t => t!).ToArray();

        if (file.PreTokenizer.ByteLevel)
            for (int b = 0; b < 256; b++)
                if (!file.Vocabulary.ContainsKey(ByteLevelAlphabet.ByteSymbols[b]))
                    throw new InvalidDataException(
                        $"{path}: model.vocab lacks the byte symbol \"{ByteLevelAlphabet.ByteSymbols[b]}\" (byte 0x{b:X2}), which a ByteLevel pre_tokenizer needs for every byte");

        var codec = new HuggingFaceBpe(file, tokenStrings);
        var ids = file.AddedTokens.ToDictionary(t => t.Content, t => t.Id, StringComparer.Ordinal);
        int? IdOf(string token) => ids.TryGetValue(token, out int id) || file.Vocabulary.TryGetValue(token, out id) ? id : null;
        var bosId = SpecialTokenNames.Resolve(names.Bos, "bos_token", IdOf);
        var eosId = SpecialTokenNames.Resolve(names.Eos, "eos_token", IdOf);

        var special = file.AddedTokens.Where(t => t.Special).Select(t => t.Id).ToHashSet();
        var texts = new string[vocabSize];
        for (int id = 0; id < vocabSize; id++)
            texts[id] = special.Contains(id) || id == bosId || id == eosId ? tokenStrings[id]
                : file.PreTokenizer.ByteLevel ? ByteLevelBpeLoader.SurfaceText(tokenStrings[id])
                : SentencePieceLoader.SurfaceText(tokenStrings[id], file.ByteFallback);
        return new TextTokenizer(codec.Encode, codec.Decode, texts, bosId, eosId);
    }
}
