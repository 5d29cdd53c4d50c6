using System.Text;
using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>Real models' tokenizer.json files encode as transformers.js does and decode back to the text.</summary>
public sealed class HuggingFaceTokenizerTests
{
    [Theory]
    [MemberData(nameof(HuggingFaceFixtures.Models), MemberType = typeof(HuggingFaceFixtures))]
    public void Ids_equal_those_transformers_js_gives_for_the_whole_corpus(string model)
    {
        var tokenizer = HuggingFaceFixtures.Tokenizer(model);
        var expected = HuggingFaceFixtures.ExpectedFor(model);

        expected.Cases.Should().HaveCountGreaterThan(30);
        var mismatches = expected.Cases
            .Where(c => !tokenizer.Encode(c.Text).SequenceEqual(c.Ids))
            .Where(c => !(AsksForNfc(model) && NeedsNormalizingTheRuntimeCannotDo(c.Text)))
            .Select(c => $"{Show(c.Text)}: expected [{string.Join(',', c.Ids)}], got [{string.Join(',', tokenizer.Encode(c.Text))}]")
            .ToList();
        mismatches.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(HuggingFaceFixtures.Models), MemberType = typeof(HuggingFaceFixtures))]
    public void Decoding_the_ids_of_ordinary_text_gives_the_text_back(string model)
    {
        var tokenizer = HuggingFaceFixtures.Tokenizer(model);
        // Qwen normalizes to NFC, so a decomposed "é" comes back composed; that is the model's text, not a loss.
        Func<string, string> normalized = AsksForNfc(model) ? t => t.Normalize(NormalizationForm.FormC) : t => t;

        var mismatches = ((IEnumerable<object[]>)RoundTripTexts.All).Select(row => (string)row[0])
            .Concat(HuggingFaceFixtures.ExpectedFor(model).Cases.Select(c => c.Text).Where(t => !t.Contains('<')))
            .Where(text => tokenizer.Decode(tokenizer.Encode(text)) != normalized(text))
            .Select(text => $"{Show(text)} came back as {Show(tokenizer.Decode(tokenizer.Encode(text)))}")
            .ToList();
        mismatches.Should().BeEmpty();
    }

    [Theory]
    [InlineData("mistral", 1, 2, null)]
    [InlineData("llama3", 128000, 128001, "{% set loop_messages = messages %}")]
    [InlineData("qwen3", null, 151645, "{%- if tools %}")]
    [InlineData("qwen2.5", null, 151645, "{%- if tools %}")]
    [InlineData("gpt2", 50256, 50256, null)]
    [InlineData("gemma3", 2, 106, "{{ bos_token }}")]
    public void Bos_eos_and_the_chat_template_come_from_tokenizer_config_json(string model, int? bos, int eos, string? templateStart)
    {
        var tokenizer = HuggingFaceFixtures.Tokenizer(model);

        tokenizer.BosId.Should().Be(bos);
        tokenizer.EosId.Should().Be(eos);
        if (templateStart is null) tokenizer.ChatTemplate.Should().BeNull();
        else tokenizer.ChatTemplate.Should().StartWith(templateStart);
    }

    /// <summary>transformers.js's ids for sir-tiny (above) hold for what the writer writes today only while the two are the same bytes.</summary>
    [Fact]
    public void The_committed_sir_tiny_export_is_what_the_writer_writes_for_the_shipped_vocabulary()
    {
        var files = BpeFiles.Read(Path.Combine(RepositoryFolder.Locate(), "models", "sir-tiny"));
        using var written = new TempFolder();
        using var committed = new TempFolder();
        HuggingFaceTokenizerWriter.WriteByteLevelBpe(written.Path, files.Vocabulary, files.Merges);
        HuggingFaceFixtures.Unpack("sir-tiny", committed.Path);

        foreach (var file in new[] { "tokenizer.json", "tokenizer_config.json" })
            File.ReadAllText(written.File(file)).Should().Be(File.ReadAllText(committed.File(file)),
                $"{file} changed; write it again and rerun scripts/tokenizer-fixtures/make-fixtures.mjs");
    }

    /// <summary>
    /// Qwen's file asks for NFC; under invariant globalization .NET cannot compose, so decomposed text is the one
    /// known difference (TextNormalizer's summary). Only text that NFC would change is let through, and only then.
    /// </summary>
    static bool NeedsNormalizingTheRuntimeCannotDo(string text) =>
        !TextNormalizer.UnicodeNormalizationWorks && text.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark);

    /// <summary>The fixtures whose tokenizer.json has an NFC normalizer (Qwen's).</summary>
    static bool AsksForNfc(string model) => model is "qwen3" or "qwen2.5";

    static string Show(string text) => "\"" + (text.Length > 80 ? text[..80] + "…" : text).Replace("\n", "\\n") + "\"";
}
