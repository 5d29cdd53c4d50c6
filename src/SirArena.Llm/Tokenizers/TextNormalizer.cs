using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// A tokenizer.json <c>normalizer</c>: Unicode normal forms, Replace, Prepend, or a Sequence of them, applied to
/// each stretch of text between added tokens before it is split.
/// The normal forms use <see cref="string.Normalize(NormalizationForm)"/>. Under the invariant globalization
/// these projects build with, .NET has no Unicode tables and returns non-ASCII text unchanged: text that arrives
/// already composed (as typed and generated text nearly always does) encodes exactly, decomposed text ("e" +
/// U+0301) does not. <see cref="UnicodeNormalizationWorks"/> says which case holds.
/// </summary>
internal sealed class TextNormalizer(Func<string, string> apply)
{
    public static TextNormalizer Identity { get; } = new(text => text);

    /// <summary>True when this runtime composes "e" + U+0301 into "é", that is when it has Unicode normalization tables.</summary>
    public static bool UnicodeNormalizationWorks { get; } = "e\u0301".Normalize(NormalizationForm.FormC) == "\u00e9";

    public string Apply(string text) => apply(text);

    public static TextNormalizer Read(FieldReader reader, JsonElement? element, string field)
    {
        if (element is not { } node) return Identity;
        if (node.ValueKind != JsonValueKind.Object) throw reader.Refuse($"{field}: expected a JSON object, found {node.GetRawText()}");
        var type = reader.RequiredString(node, "type", $"{field}.type");
        switch (type)
        {
            case "Sequence":
                var steps = reader.Required(node, "normalizers", $"{field}.normalizers", JsonValueKind.Array)
                    .EnumerateArray().Select((step, i) => Read(reader, step, $"{field}.normalizers[{i}]")).ToArray();
                return new TextNormalizer(text => steps.Aggregate(text, (t, step) => step.Apply(t)));
            case "NFC": return new TextNormalizer(text => text.Normalize(NormalizationForm.FormC));
            case "NFD": return new TextNormalizer(text => text.Normalize(NormalizationForm.FormD));
            case "NFKC": return new TextNormalizer(text => text.Normalize(NormalizationForm.FormKC));
            case "NFKD": return new TextNormalizer(text => text.Normalize(NormalizationForm.FormKD));
            case "Replace":
                var pattern = TextPattern.Read(reader, node, field);
                var content = reader.String(node, "content", $"{field}.content") ?? "";
                return new TextNormalizer(text => pattern.Replace(text, content));
            case "Prepend":
                var prefix = reader.RequiredString(node, "prepend", $"{field}.prepend");
                // The tokenizers library prepends only to non-empty text, so "" still encodes to no ids.
                return new TextNormalizer(text => text.Length == 0 ? text : prefix + text);
            default:
                throw reader.Refuse($"{field}.type \"{type}\" is not supported; expected NFC, NFD, NFKC, NFKD, Replace, Prepend or Sequence");
        }
    }
}

/// <summary>A tokenizer.json <c>pattern</c>: <c>{"String": ...}</c> matched literally or <c>{"Regex": ...}</c>.</summary>
internal static class TextPattern
{
    public static Regex Read(FieldReader reader, JsonElement node, string field)
    {
        var pattern = reader.Required(node, "pattern", $"{field}.pattern", JsonValueKind.Object);
        if (reader.String(pattern, "String", $"{field}.pattern.String") is { } literal)
            return new Regex(Regex.Escape(literal), RegexOptions.CultureInvariant);
        if (reader.String(pattern, "Regex", $"{field}.pattern.Regex") is { } expression)
        {
            try
            {
                // The tokenizers library uses Oniguruma; the patterns models ship (GPT-2, Llama 3, Qwen) read the same in
                // .NET, apart from letters outside the Basic Multilingual Plane, which .NET sees as two surrogates.
                return new Regex(expression, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw reader.Refuse($"{field}.pattern.Regex is not a regular expression .NET can read ({e.Message})");
            }
        }
        throw reader.Refuse($"{field}.pattern: expected {{\"String\": ...}} or {{\"Regex\": ...}}");
    }
}
