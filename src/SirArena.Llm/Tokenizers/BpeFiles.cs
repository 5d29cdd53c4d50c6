using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// The two files of a GPT-2-style BPE tokenizer in a Hugging Face checkpoint folder: <c>vocab.json</c>, one
/// JSON object mapping each token to its id, and <c>merges.txt</c>, a <c>#version: 0.2</c> line and then one
/// merge per line, "left right", highest priority first. Reading checks what the library would otherwise
/// fail on later with no file or line to show: ids 0..N-1 each used once, two tokens a line, and every merge
/// made of and making tokens that the vocabulary holds.
/// </summary>
public static class BpeFiles
{
    public const string VocabFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";
    const string VersionLine = "#version: 0.2";

    /// <summary>What the two files hold: token → id, and the merges in priority order.</summary>
    public sealed record Contents(IReadOnlyDictionary<string, int> Vocabulary, IReadOnlyList<(string Left, string Right)> Merges);

    /// <summary>True when <paramref name="folder"/> holds both files.</summary>
    public static bool ArePresentIn(string folder) =>
        File.Exists(Path.Combine(folder, VocabFileName)) && File.Exists(Path.Combine(folder, MergesFileName));

    /// <summary>
    /// Writes vocab.json (tokens in id order, non-ASCII kept readable as Hugging Face writes it) and merges.txt.
    /// Throws <see cref="ArgumentException"/> for merges the format cannot hold or the vocabulary lacks.
    /// </summary>
    public static void Write(string folder, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<(string Left, string Right)> merges)
    {
        CheckVocabulary(vocabulary, message => new ArgumentException($"vocabulary: {message}", nameof(vocabulary)));
        for (int i = 0; i < merges.Count; i++)
        {
            var (left, right) = merges[i];
            if (!IsMergePart(left) || !IsMergePart(right))
                throw new ArgumentException($"merge {i} (\"{left}\", \"{right}\"): each side must be non-empty, without spaces or line breaks", nameof(merges));
            var missing = MissingToken(vocabulary, left, right);
            if (missing is not null)
                throw new ArgumentException($"merge {i} (\"{left}\", \"{right}\"): \"{missing}\" is not in the vocabulary", nameof(merges));
        }

        Directory.CreateDirectory(folder);
        var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var ordered = vocabulary.OrderBy(p => p.Value).ToDictionary(p => p.Key, p => p.Value);
        File.WriteAllText(Path.Combine(folder, VocabFileName), JsonSerializer.Serialize(ordered, json) + "\n");

        var lines = new StringBuilder(VersionLine).Append('\n');
        foreach (var (left, right) in merges) lines.Append(left).Append(' ').Append(right).Append('\n');
        File.WriteAllText(Path.Combine(folder, MergesFileName), lines.ToString());
    }

    /// <summary>
    /// Reads and checks both files; throws <see cref="FileNotFoundException"/> for a missing one and
    /// <see cref="InvalidDataException"/> naming the file (and line) for a malformed one.
    /// </summary>
    public static Contents Read(string folder)
    {
        var vocabPath = Path.Combine(folder, VocabFileName);
        var mergesPath = Path.Combine(folder, MergesFileName);
        var vocabulary = ReadVocabulary(vocabPath);
        return new Contents(vocabulary, ReadMerges(mergesPath, vocabulary));
    }

    static Dictionary<string, int> ReadVocabulary(string path)
    {
        using var document = ParseJson(path);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: expected a JSON object mapping each token to its id, found a {document.RootElement.ValueKind}");

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out int id) || id < 0)
                throw new InvalidDataException($"{path}: token \"{entry.Name}\": expected a non-negative integer id, found {entry.Value.GetRawText()}");
            if (!vocabulary.TryAdd(entry.Name, id))
                throw new InvalidDataException($"{path}: token \"{entry.Name}\" appears twice");
        }
        CheckVocabulary(vocabulary, message => new InvalidDataException($"{path}: {message}"));
        return vocabulary;
    }

    static JsonDocument ParseJson(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: not valid JSON ({e.Message})", e);
        }
    }

    static List<(string, string)> ReadMerges(string path, IReadOnlyDictionary<string, int> vocabulary)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var merges = new List<(string, string)>();
        int lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            // Windows checkouts may carry CRLF; the tokens themselves never hold a raw '\r' (it is 'č').
            var line = rawLine.TrimEnd('\r');
            // The header is optional: Hugging Face writes it, hand-made files often omit it.
            if (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal)) continue;
            if (line.Length == 0) continue;

            var parts = line.Split(' ');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new InvalidDataException($"{path}: line {lineNumber}: expected two space-separated tokens, found \"{line}\"");
            var missing = MissingToken(vocabulary, parts[0], parts[1]);
            if (missing is not null)
                throw new InvalidDataException($"{path}: line {lineNumber}: merge \"{line}\" needs \"{missing}\", which vocab.json does not hold");
            merges.Add((parts[0], parts[1]));
        }
        return merges;
    }

    /// <summary>Ids must number the tokens 0..N-1 exactly, since they index the embedding rows.</summary>
    static void CheckVocabulary(IReadOnlyDictionary<string, int> vocabulary, Func<string, Exception> fail)
    {
        if (vocabulary.Count == 0) throw fail("the vocabulary is empty");
        var owner = new string?[vocabulary.Count];
        foreach (var (token, id) in vocabulary)
        {
            if (id < 0 || id >= vocabulary.Count)
                throw fail($"token \"{token}\" has id {id}; ids must run from 0 to {vocabulary.Count - 1}, one per token");
            if (owner[id] is { } other)
                throw fail($"id {id} is given to both \"{other}\" and \"{token}\"");
            owner[id] = token;
        }
    }

    static string? MissingToken(IReadOnlyDictionary<string, int> vocabulary, string left, string right)
    {
        if (!vocabulary.ContainsKey(left)) return left;
        if (!vocabulary.ContainsKey(right)) return right;
        return vocabulary.ContainsKey(left + right) ? null : left + right;
    }

    static bool IsMergePart(string part) => part.Length > 0 && part.IndexOfAny([' ', '\n', '\r']) < 0;
}
