using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>Load picks the format from the files present and says which files it wanted when they are missing.</summary>
public sealed class TextTokenizerLoadTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = folder.File("no-such-model");

        var act = () => TextTokenizer.Load(missing);
        act.Should().Throw<DirectoryNotFoundException>().WithMessage($"{missing}: model folder not found");
    }

    [Fact]
    public void A_folder_without_tokenizer_files_names_both_formats()
    {
        folder.Write("config.json", "{}");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<FileNotFoundException>()
            .WithMessage($"{folder.Path}: no tokenizer found; expected tokenizer.json, tokenizer.model (SentencePiece) or vocab.json + merges.txt (byte-level BPE)");
    }

    [Fact]
    public void Vocab_json_without_merges_txt_names_the_missing_file()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        File.Delete(folder.File("merges.txt"));

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<FileNotFoundException>().WithMessage($"{folder.File("merges.txt")}: file not found");
    }

    [Fact]
    public void Tokenizer_model_wins_when_both_formats_are_present()
    {
        var bpeVocabulary = TinyByteLevelBpe.WriteTo(folder.Path);
        TinySentencePiece.WriteTo(folder.Path);

        var tokenizer = TextTokenizer.Load(folder.Path);

        tokenizer.VocabSize.Should().Be(TinySentencePiece.FirstPieceId + TinySentencePiece.Pieces.Length)
            .And.NotBe(bpeVocabulary.Count);
        tokenizer.Encode("rock").Should().Equal(TinySentencePiece.IdOf("▁rock"));
    }

    [Fact]
    public void A_malformed_merges_file_stops_loading_with_its_line()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        File.AppendAllText(folder.File("merges.txt"), "Ġ r o\n");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{folder.File("merges.txt")}: line *: expected two space-separated tokens, found \"Ġ r o\"");
    }
}
