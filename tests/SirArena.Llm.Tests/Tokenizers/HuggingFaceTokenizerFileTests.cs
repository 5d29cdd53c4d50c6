using System.Text.Json.Nodes;
using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>What a tokenizer.json asks for is honoured, or refused in one sentence naming the file and the field.</summary>
public sealed class HuggingFaceTokenizerFileTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    TextTokenizer Load(JsonObject tokenizer)
    {
        TinyTokenizerJson.WriteTo(folder.Path, tokenizer);
        return TextTokenizer.Load(folder.Path);
    }

    void ShouldRefuse(JsonObject tokenizer, string message)
    {
        var act = () => Load(tokenizer);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("tokenizer.json")}: {message}");
    }

    [Fact]
    public void Merges_written_as_strings_and_as_pairs_both_apply()
    {
        var tokenizer = Load(TinyTokenizerJson.Create());

        tokenizer.Encode("rock rock").Should().Equal(258, 259);
        tokenizer.TokenText(259).Should().Be(" rock");
    }

    [Fact]
    public void An_added_special_token_written_in_text_is_one_id_and_never_merged_with_its_neighbours()
    {
        var tokenizer = Load(TinyTokenizerJson.Create());

        var ids = tokenizer.Encode($"rock{TinyTokenizerJson.BeginText} rock{TinyTokenizerJson.EndText}");

        ids.Should().Equal(258, 260, 259, 261);
        tokenizer.Decode(ids).Should().Be($"rock{TinyTokenizerJson.BeginText} rock{TinyTokenizerJson.EndText}");
        tokenizer.VocabSize.Should().Be(262);
    }

    [Fact]
    public void Ignore_merges_takes_a_piece_the_vocabulary_holds_whole_even_without_a_merge_making_it()
    {
        var file = TinyTokenizerJson.Create();
        file["model"]!["merges"] = new JsonArray();
        Load(file).Encode("rock").Should().Equal('r', 'o', 'c', 'k');

        file["model"]!["ignore_merges"] = true;
        Load(file).Encode("rock").Should().Equal(258);
    }

    [Fact]
    public void Another_model_type_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["model"]!["type"] = "Unigram";
        ShouldRefuse(file, "model.type \"Unigram\" is not supported; expected \"BPE\"");
    }

    [Fact]
    public void An_unknown_normalizer_is_refused_naming_its_place_in_the_sequence()
    {
        var file = TinyTokenizerJson.Create();
        file["normalizer"] = new JsonObject { ["type"] = "Sequence", ["normalizers"] = new JsonArray(new JsonObject { ["type"] = "NFC" }, new JsonObject { ["type"] = "Lowercase" }) };
        ShouldRefuse(file, "normalizer.normalizers[1].type \"Lowercase\" is not supported; expected NFC, NFD, NFKC, NFKD, Replace, Prepend or Sequence");
    }

    [Fact]
    public void An_unknown_pre_tokenizer_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁" };
        ShouldRefuse(file, "pre_tokenizer.type \"Metaspace\" is not supported; expected Split, Digits, ByteLevel or Sequence");
    }

    [Fact]
    public void An_unsupported_split_behaviour_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["pre_tokenizer"]!["pretokenizers"]![0]!["behavior"] = "Contiguous";
        ShouldRefuse(file, "pre_tokenizer.pretokenizers[0].behavior \"Contiguous\" is not supported; expected Isolated, Removed, MergedWithPrevious or MergedWithNext");
    }

    [Fact]
    public void A_regex_dotnet_cannot_read_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["pre_tokenizer"]!["pretokenizers"]![0]!["pattern"] = new JsonObject { ["Regex"] = "(unclosed" };
        var act = () => Load(file);
        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{folder.File("tokenizer.json")}: pre_tokenizer.pretokenizers[0].pattern.Regex is not a regular expression .NET can read (*");
    }

    [Fact]
    public void An_unknown_decoder_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["decoder"] = new JsonObject { ["type"] = "WordPiece" };
        ShouldRefuse(file, "decoder.type \"WordPiece\" is not supported; expected ByteLevel, Replace, ByteFallback, Fuse, Strip or Sequence");
    }

    [Fact]
    public void A_missing_decoder_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file.Remove("decoder");
        ShouldRefuse(file, "decoder is missing; expected ByteLevel or a Sequence of Replace, ByteFallback, Fuse and Strip");
    }

    [Fact]
    public void An_added_token_that_strips_its_neighbours_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["added_tokens"]![1]!["rstrip"] = true;
        ShouldRefuse(file, "added_tokens[1].rstrip is true, which is not supported; expected false");
    }

    [Fact]
    public void A_merge_of_tokens_the_vocabulary_lacks_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        ((JsonArray)file["model"]!["merges"]!).Add("rock s");
        ShouldRefuse(file, "model.merges[4] needs \"rocks\", which model.vocab does not hold");
    }

    [Fact]
    public void A_byte_level_vocabulary_missing_a_byte_symbol_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        var vocab = (JsonObject)file["model"]!["vocab"]!;
        vocab.Remove("Ā");
        vocab["Ā-gone"] = 0;
        ShouldRefuse(file, "model.vocab lacks the byte symbol \"Ā\" (byte 0x00), which a ByteLevel pre_tokenizer needs for every byte");
    }

    [Fact]
    public void Dropout_is_refused()
    {
        var file = TinyTokenizerJson.Create();
        file["model"]!["dropout"] = 0.1;
        ShouldRefuse(file, "model.dropout is not supported; expected null, since dropout makes encoding random");
    }

    [Fact]
    public void Tokenizer_json_wins_over_vocab_json_and_tokenizer_model_beside_it()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        File.WriteAllBytes(folder.File("tokenizer.model"), [1, 2, 3]);

        var tokenizer = Load(TinyTokenizerJson.Create());

        tokenizer.VocabSize.Should().Be(262);
    }
}
