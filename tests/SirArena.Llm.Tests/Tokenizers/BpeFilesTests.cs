using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

public class BpeFilesTests
{
    [Fact]
    public void Written_files_read_back_unchanged()
    {
        using var folder = new TempFolder();
        var (vocabulary, merges) = TinyByteLevelBpe.Build();

        BpeFiles.Write(folder.Path, vocabulary, merges);
        var read = BpeFiles.Read(folder.Path);

        read.Vocabulary.Should().BeEquivalentTo(vocabulary);
        read.Merges.Should().Equal(merges);
    }

    [Fact]
    public void Merges_file_starts_with_the_version_line_and_keeps_symbols_readable()
    {
        using var folder = new TempFolder();
        TinyByteLevelBpe.WriteTo(folder.Path);

        File.ReadAllLines(folder.File("merges.txt"))[..2].Should().Equal("#version: 0.2", "Ġ r");
        File.ReadAllText(folder.File("vocab.json")).Should().Contain("\"Ġrock\":");
    }

    [Fact]
    public void Writing_a_merge_whose_result_is_not_a_token_is_refused()
    {
        using var folder = new TempFolder();
        var vocabulary = ByteLevelAlphabet.ByteSymbols.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var act = () => BpeFiles.Write(folder.Path, vocabulary, [("a", "b")]);
        act.Should().Throw<ArgumentException>().WithMessage("*\"ab\" is not in the vocabulary*");
    }

    [Fact]
    public void A_merge_line_without_two_tokens_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        TinyByteLevelBpe.WriteTo(folder.Path);
        var lines = File.ReadAllLines(folder.File("merges.txt"));
        lines[2] = "Ġrock";
        File.WriteAllLines(folder.File("merges.txt"), lines);

        var act = () => BpeFiles.Read(folder.Path);
        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{folder.File("merges.txt")}: line 3: expected two space-separated tokens*");
    }

    [Fact]
    public void A_merge_of_unknown_tokens_names_the_line_and_token()
    {
        using var folder = new TempFolder();
        TinyByteLevelBpe.WriteTo(folder.Path);
        File.AppendAllText(folder.File("merges.txt"), "Ġrock Ġpaper\n");

        var act = () => BpeFiles.Read(folder.Path);
        act.Should().Throw<InvalidDataException>().WithMessage("*merges.txt: line *: merge \"Ġrock Ġpaper\" needs \"ĠrockĠpaper\"*");
    }

    [Theory]
    [InlineData("{\"a\": 0, ", "not valid JSON")]
    [InlineData("[\"a\"]", "expected a JSON object*found a Array")]
    [InlineData("{\"a\": \"zero\"}", "token \"a\": expected a non-negative integer id, found \"zero\"")]
    [InlineData("{\"a\": 0, \"b\": 2}", "token \"b\" has id 2; ids must run from 0 to 1*")]
    [InlineData("{\"a\": 0, \"b\": 0}", "id 0 is given to both \"a\" and \"b\"")]
    [InlineData("{}", "the vocabulary is empty")]
    public void A_malformed_vocabulary_names_the_file_and_the_fault(string json, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("vocab.json", json);
        folder.Write("merges.txt", "#version: 0.2\n");

        var act = () => BpeFiles.Read(folder.Path);
        act.Should().Throw<InvalidDataException>().WithMessage($"{folder.File("vocab.json")}: *{expected}*");
    }

    [Fact]
    public void A_missing_merges_file_is_named()
    {
        using var folder = new TempFolder();
        folder.Write("vocab.json", "{\"a\": 0}");

        var act = () => BpeFiles.Read(folder.Path);
        act.Should().Throw<FileNotFoundException>().WithMessage($"{folder.File("merges.txt")}: file not found");
    }
}
