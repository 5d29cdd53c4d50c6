using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>
/// Real Hugging Face tokenizer files under tests/fixtures/tokenizers/&lt;model&gt;/ (gzipped, as
/// scripts/tokenizer-fixtures/make-fixtures.mjs writes them) and the ids transformers.js gave for a corpus.
/// Each model is unpacked and loaded once per test run, since the largest file is 33 MB.
/// </summary>
public static class HuggingFaceFixtures
{
    public sealed record Case(string Text, int[] Ids, string Decoded);

    public sealed record Expected(string Source, string ComputedBy, Case[] Cases);

    /// <summary>Four real models' files, and sir-tiny: the shipped model's tokenizer as this project exports it.</summary>
    public static TheoryData<string> Models => ["mistral", "llama3", "qwen3", "qwen2.5", "gemma3", "gpt2", "sir-tiny"];

    static readonly ConcurrentDictionary<string, Lazy<TextTokenizer>> Loaded = new();

    public static string FixtureFolder(string model) => Path.Combine(RepositoryFolder.Locate(), "tests", "fixtures", "tokenizers", model);

    public static Expected ExpectedFor(string model) =>
        JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.Combine(FixtureFolder(model), "expected.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TextTokenizer Tokenizer(string model) => Loaded.GetOrAdd(model, m => new Lazy<TextTokenizer>(() =>
    {
        var folder = Unpack(m, Path.Combine(Path.GetTempPath(), $"sirarena-hf-{m}-{Guid.NewGuid():N}"));
        try { return TextTokenizer.Load(folder); }
        finally { Directory.Delete(folder, recursive: true); }
    })).Value;

    /// <summary>Writes the model's tokenizer.json and tokenizer_config.json, ungzipped, into <paramref name="folder"/>.</summary>
    public static string Unpack(string model, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var packed in Directory.GetFiles(FixtureFolder(model), "*.gz"))
        {
            using var input = new GZipStream(File.OpenRead(packed), CompressionMode.Decompress);
            using var output = File.Create(Path.Combine(folder, Path.GetFileNameWithoutExtension(packed)));
            input.CopyTo(output);
        }
        return folder;
    }
}
