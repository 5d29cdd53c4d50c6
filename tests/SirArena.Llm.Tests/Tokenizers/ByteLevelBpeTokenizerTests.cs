using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>TextTokenizer over vocab.json + merges.txt behaves as GPT-2's byte-level BPE.</summary>
public sealed class ByteLevelBpeTokenizerTests : IDisposable
{
    readonly TempFolder folder = new();
    readonly Dictionary<string, int> vocabulary;

    public ByteLevelBpeTokenizerTests() => vocabulary = TinyByteLevelBpe.WriteTo(folder.Path);

    public void Dispose() => folder.Dispose();

    int[] Ids(params string[] tokens) => tokens.Select(t => vocabulary[t]).ToArray();

    [Fact]
    public void A_word_with_its_leading_space_becomes_its_merged_token()
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.Encode(" rock").Should().Equal(Ids("Ġrock"));
        tokenizer.Encode(" rocky papers").Should().Equal(Ids("Ġrock", "y", "Ġpaper", "s"));
    }

    [Fact]
    public void Encoding_splits_like_GPT2_before_merging()
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        // "rock" without a space cannot reach "Ġrock", and merges never cross the split between "[" and "rock".
        tokenizer.Encode("USER: I chose [rock].").Should().Equal(
            Ids("USER", ":", "Ġ", "I", "Ġ", "c", "h", "o", "s", "e", "Ġ", "[", "r", "o", "c", "k", "]", "."));
        tokenizer.Encode("\nASSISTANT: A").Should().Equal(Ids("Ċ", "ASSISTANT", ":", "Ġ", "A"));
    }

    [Fact]
    public void Words_without_merges_fall_back_to_their_UTF8_bytes()
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        // é is C3 A9 in UTF-8, written "Ã©" in the byte alphabet.
        tokenizer.Encode("héllo").Should().Equal(Ids("h", "Ã", "©", "l", "l", "o"));
        tokenizer.Encode("😀").Should().HaveCount(4).And.OnlyContain(id => id < 256);
    }

    [Theory]
    [MemberData(nameof(RoundTripTexts.All), MemberType = typeof(RoundTripTexts))]
    public void Decoding_the_encoding_gives_the_text_back(string text)
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.Decode(tokenizer.Encode(text)).Should().Be(text);
    }

    [Fact]
    public void Encoding_is_deterministic_across_loads()
    {
        var first = TextTokenizer.Load(folder.Path).Encode(RoundTripTexts.RockPaperScissorsTurn);
        var second = TextTokenizer.Load(folder.Path).Encode(RoundTripTexts.RockPaperScissorsTurn);

        second.Should().Equal(first);
    }

    [Fact]
    public void Token_text_shows_the_surface_text_with_its_leading_space()
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.TokenText(vocabulary["Ġrock"]).Should().Be(" rock");
        tokenizer.TokenText(vocabulary["Ċ"]).Should().Be("\n");
        tokenizer.TokenText(vocabulary["Ã"]).Should().Be("<0xC3>", "alone it is half of a character");
    }

    [Fact]
    public void Vocabulary_size_counts_bytes_and_merged_tokens_and_ids_outside_it_are_refused()
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.VocabSize.Should().Be(vocabulary.Count);
        tokenizer.Invoking(t => t.TokenText(vocabulary.Count)).Should().Throw<ArgumentOutOfRangeException>();
        tokenizer.Invoking(t => t.Decode([0, -1])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ids[1]*");
    }

    [Fact]
    public void Without_a_tokenizer_config_there_is_no_bos_or_eos()
    {
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.BosId.Should().BeNull();
        tokenizer.EosId.Should().BeNull();
    }

    [Fact]
    public void Bos_and_eos_come_from_the_tokenizer_config_and_are_never_added_implicitly()
    {
        folder.Write("tokenizer_config.json", """{ "bos_token": "<|endoftext|>", "eos_token": { "content": "<|endoftext|>" } }""");
        var tokenizer = TextTokenizer.Load(folder.Path);
        int endOfText = vocabulary["<|endoftext|>"];

        tokenizer.BosId.Should().Be(endOfText);
        tokenizer.EosId.Should().Be(endOfText);
        tokenizer.Encode(" rock").Should().Equal(Ids("Ġrock"));
        // Text that merely spells the control token is text, not the control id.
        tokenizer.Encode("<|endoftext|>").Should().NotContain(endOfText);
        tokenizer.Decode([endOfText, .. tokenizer.Encode(" rock"), endOfText]).Should().Be(" rock");
        tokenizer.TokenText(endOfText).Should().Be("<|endoftext|>");
    }

    [Fact]
    public void Special_tokens_map_is_read_when_the_tokenizer_config_does_not_name_them()
    {
        folder.Write("tokenizer_config.json", """{ "model_max_length": 1024 }""");
        folder.Write("special_tokens_map.json", """{ "eos_token": "<|endoftext|>" }""");

        TextTokenizer.Load(folder.Path).EosId.Should().Be(vocabulary["<|endoftext|>"]);
    }

    [Fact]
    public void A_bos_token_missing_from_the_vocabulary_names_the_config_file()
    {
        folder.Write("tokenizer_config.json", """{ "bos_token": "<s>" }""");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{folder.File("tokenizer_config.json")}: \"bos_token\" names \"<s>\", which the tokenizer's vocabulary does not hold");
    }

    [Fact]
    public void A_malformed_tokenizer_config_is_an_error_naming_it()
    {
        folder.Write("tokenizer_config.json", """{ "bos_token": 7 }""");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("tokenizer_config.json")}: \"bos_token\": expected*found 7");
    }

    [Fact]
    public void A_vocabulary_lacking_a_byte_symbol_is_refused()
    {
        folder.Write("vocab.json", """{ "a": 0, "b": 1, "ab": 2 }""");
        folder.Write("merges.txt", "#version: 0.2\na b\n");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("vocab.json")}: *all 256 byte symbols*0x00*");
    }
}
