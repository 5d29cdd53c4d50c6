using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>TextTokenizer over a Llama-style tokenizer.model: BPE pieces, byte fallback, ids from the trainer spec.</summary>
public sealed class SentencePieceTokenizerTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    static int[] Ids(params string[] pieces) => pieces.Select(TinySentencePiece.IdOf).ToArray();

    static int Byte(int b) => 3 + b;

    [Fact]
    public void Words_encode_to_their_pieces_with_the_dummy_prefix()
    {
        TinySentencePiece.WriteTo(folder.Path);
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.Encode("rock").Should().Equal(Ids("▁rock"));
        tokenizer.Encode("rock paper").Should().Equal(Ids("▁rock", "▁paper"));
        tokenizer.Encode("USER:").Should().Equal(Ids("▁", "USER", ":"));
    }

    [Fact]
    public void Characters_without_a_piece_fall_back_to_byte_pieces()
    {
        TinySentencePiece.WriteTo(folder.Path);
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.Encode("é!").Should().Equal([TinySentencePiece.IdOf("▁"), Byte(0xC3), Byte(0xA9), Byte('!')]);
    }

    [Theory]
    [MemberData(nameof(RoundTripTexts.All), MemberType = typeof(RoundTripTexts))]
    public void Decoding_the_encoding_gives_the_text_back(string text)
    {
        TinySentencePiece.WriteTo(folder.Path);
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.Decode(tokenizer.Encode(text)).Should().Be(text);
    }

    [Fact]
    public void Bos_and_eos_are_the_ids_the_trainer_spec_sets_and_are_never_added_implicitly()
    {
        TinySentencePiece.WriteTo(folder.Path, unkId: 2, bosId: 0, eosId: 1);
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.BosId.Should().Be(0);
        tokenizer.EosId.Should().Be(1);
        tokenizer.Encode("rock").Should().Equal(Ids("▁rock"));
        tokenizer.Decode([0, .. tokenizer.Encode("rock paper"), 1]).Should().Be("rock paper");
        tokenizer.TokenText(0).Should().Be("<s>");
        tokenizer.TokenText(1).Should().Be("</s>");
    }

    [Fact]
    public void A_tokenizer_config_may_name_other_pieces_as_bos_and_eos()
    {
        TinySentencePiece.WriteTo(folder.Path);
        folder.Write("tokenizer_config.json", """{ "eos_token": "<unk>" }""");

        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.BosId.Should().Be(1, "the model's own bos stands where the config is silent");
        tokenizer.EosId.Should().Be(0);
    }

    [Fact]
    public void Token_text_shows_spaces_and_whole_byte_characters()
    {
        TinySentencePiece.WriteTo(folder.Path);
        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.VocabSize.Should().Be(TinySentencePiece.FirstPieceId + TinySentencePiece.Pieces.Length);
        tokenizer.TokenText(TinySentencePiece.IdOf("▁rock")).Should().Be(" rock");
        tokenizer.TokenText(Byte('\n')).Should().Be("\n");
        tokenizer.TokenText(Byte(0xC3)).Should().Be("<0xC3>");
        tokenizer.TokenText(0).Should().Be("<unk>");
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_named_in_the_error()
    {
        File.WriteAllText(folder.File("tokenizer.model"), "version https://git-lfs.github.com/spec/v1\n");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("tokenizer.model")}: not a readable SentencePiece model*");
    }

    [Fact]
    public void A_truncated_or_empty_model_is_named_in_the_error()
    {
        var whole = TinySentencePiece.Build();
        File.WriteAllBytes(folder.File("tokenizer.model"), whole[..(whole.Length / 2)]);
        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("tokenizer.model")}: not a readable SentencePiece model*");

        File.WriteAllBytes(folder.File("tokenizer.model"), []);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("tokenizer.model")}: the file is empty*");
    }
}
