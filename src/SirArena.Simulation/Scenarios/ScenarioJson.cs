using System.Globalization;
using System.Text.Json;

namespace SirArena.Simulation.Scenarios;

/// <summary>
/// A JSON value that knows which file it came from and its JSON path, so every reading error names both. Readers
/// ask for what they expect (an object with these keys, a probability, a move) and get a
/// <see cref="ScenarioFileException"/> saying what was found instead.
/// </summary>
public readonly struct ScenarioJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    private ScenarioJson(string file, string path, JsonElement element)
    {
        File = file;
        Path = path;
        Element = element;
    }

    public string File { get; }
    public string Path { get; }
    public JsonElement Element { get; }

    /// <summary>Reads and parses a file; malformed JSON is reported with its line and position.</summary>
    public static ScenarioJson Load(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(file), Options);
            return new ScenarioJson(file, "$", document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : "unknown position";
            throw new ScenarioFileException(file, e.Path ?? "$", $"not valid JSON ({where}): {e.Message}", e);
        }
    }

    public ScenarioFileException Error(string problem) => new(File, Path, problem);

    /// <summary>Checks this is an object whose keys are all among <paramref name="allowed"/> (typos fail loudly).</summary>
    public ScenarioJson ObjectWithKeys(params string[] allowed)
    {
        Expect(JsonValueKind.Object, "an object");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                throw Child(property.Name, property.Value).Error($"unknown field; expected one of: {string.Join(", ", allowed)}.");
            // JSON allows a key twice and silently keeps one; a scenario file saying two things is a mistake.
            if (!seen.Add(property.Name))
                throw Child(property.Name, property.Value).Error("this field appears twice.");
        }
        return this;
    }

    public ScenarioJson Required(string key) =>
        Optional(key) ?? throw Error($"missing required field '{key}'.");

    public ScenarioJson? Optional(string key)
    {
        Expect(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(key, out var value) ? Child(key, value) : null;
    }

    public string String()
    {
        Expect(JsonValueKind.String, "a string");
        var text = Element.GetString()!;
        if (string.IsNullOrWhiteSpace(text)) throw Error("expected a non-empty string.");
        return text;
    }

    public double Number(double min, double max)
    {
        Expect(JsonValueKind.Number, "a number");
        var value = Element.GetDouble();
        if (value < min || value > max)
            throw Error(FormattableString.Invariant($"expected a number in [{min}, {max}], got {value}."));
        return value;
    }

    public int Integer(int min, int max)
    {
        Expect(JsonValueKind.Number, "a whole number");
        if (!Element.TryGetInt32(out var value) || value < min || value > max)
            throw Error($"expected a whole number in [{min}, {max}], got {Element.GetRawText()}.");
        return value;
    }

    public IReadOnlyList<ScenarioJson> Array(int minCount)
    {
        Expect(JsonValueKind.Array, "an array");
        var file = File;
        var path = Path;
        var items = Element.EnumerateArray().Select((e, i) => new ScenarioJson(file, $"{path}[{i}]", e)).ToArray();
        if (items.Length < minCount) throw Error($"expected at least {minCount} entries, got {items.Length}.");
        return items;
    }

    /// <summary>An array of distinct non-empty strings.</summary>
    public IReadOnlyList<string> Strings(int minCount)
    {
        var items = Array(minCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(item.String())) throw item.Error($"'{item.String()}' appears twice; entries must be distinct.");
        }
        return items.Select(i => i.String()).ToArray();
    }

    public IReadOnlyList<(string Key, ScenarioJson Value)> Properties()
    {
        Expect(JsonValueKind.Object, "an object");
        var self = this;
        return Element.EnumerateObject().Select(p => (p.Name, self.Child(p.Name, p.Value))).ToArray();
    }

    private ScenarioJson Child(string key, JsonElement value) => new(File, $"{Path}.{key}", value);

    private void Expect(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
            throw Error($"expected {what}, got {Describe(Element)}.");
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the value {e.GetRawText()}",
        _ => "null",
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File} {Path}");
}
