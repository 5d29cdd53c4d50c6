using SirArena.Llm.Tokenizers;
using SirArena.Simulation.Scenarios;
using SirArena.Training.Corpus;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Tokenization;

/// <summary>The tokenizer.json a trained tokenizer is exported as is the very tokenizer of its vocab.json + merges.txt.</summary>
public sealed class HuggingFaceExportTests
{
    static readonly string RepositoryRoot = Path.GetDirectoryName(ScenarioFolder.Locate())!;

    static IEnumerable<string> Texts(ulong seed) =>
        CorpusGenerator.TokenizerChunks(Shipped.Grocery, seed, streams: 4)
            .Concat(Directory.GetFiles(ScenarioFolder.Locate(), "*.json", SearchOption.AllDirectories).Order().Select(File.ReadAllText))
            .Concat(["", "  two  spaces\t\ttabs\r\n", "it's we'll 3.14 1,000", "héllo 中文 😀👍 \u0000\u007f"]);

    [Fact]
    public void A_saved_tokenizer_loads_from_tokenizer_json_with_the_ids_of_vocab_json_and_merges_txt()
    {
        using var both = new TempFolder();
        using var pairOnly = new TempFolder();
        Shipped.TrainVocabulary().Save(both.Path);
        File.Exists(Path.Combine(both.Path, "tokenizer.json")).Should().BeTrue();
        File.Exists(Path.Combine(both.Path, "tokenizer_config.json")).Should().BeTrue();
        foreach (var file in new[] { "vocab.json", "merges.txt" }) File.Copy(Path.Combine(both.Path, file), Path.Combine(pairOnly.Path, file));

        SameTokenizer(TextTokenizer.Load(both.Path), TextTokenizer.Load(pairOnly.Path), seed: 5);
    }

    [Fact]
    public void The_shipped_models_vocabulary_written_as_tokenizer_json_gives_the_shipped_ids()
    {
        var shipped = Path.Combine(RepositoryRoot, "models", "sir-tiny");
        var files = BpeFiles.Read(shipped);
        using var exported = new TempFolder();
        HuggingFaceTokenizerWriter.WriteByteLevelBpe(exported.Path, files.Vocabulary, files.Merges);

        SameTokenizer(TextTokenizer.Load(exported.Path), TextTokenizer.Load(shipped), seed: 6);
    }

    static void SameTokenizer(TextTokenizer fromJson, TextTokenizer fromPair, ulong seed)
    {
        fromJson.VocabSize.Should().Be(fromPair.VocabSize);
        fromJson.BosId.Should().Be(fromPair.BosId);
        fromJson.EosId.Should().Be(fromPair.EosId);
        int texts = 0;
        foreach (var text in Texts(seed))
        {
            var ids = fromJson.Encode(text);
            ids.Should().Equal(fromPair.Encode(text), $"text {texts}: \"{text[..Math.Min(60, text.Length)]}\"");
            fromJson.Decode(ids).Should().Be(fromPair.Decode(ids));
            texts++;
        }
        texts.Should().BeGreaterThan(100);
        for (int id = 0; id < fromJson.VocabSize; id++) fromJson.TokenText(id).Should().Be(fromPair.TokenText(id));
    }
}
