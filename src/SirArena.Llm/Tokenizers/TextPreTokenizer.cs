using System.Text.Json;
using System.Text.RegularExpressions;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// A tokenizer.json <c>pre_tokenizer</c>: how normalized text is cut into the pieces BPE merges within. Split (a
/// String or Regex pattern), Digits, ByteLevel, or a Sequence of them; ByteLevel also makes the model byte-level.
/// </summary>
internal sealed class TextPreTokenizer(Func<string, List<string>> split, bool byteLevel)
{
    public static TextPreTokenizer Whole { get; } = new(text => [text], byteLevel: false);

    /// <summary>True when a ByteLevel step asks the model to work on UTF-8 bytes written in GPT-2's byte alphabet.</summary>
    public bool ByteLevel { get; } = byteLevel;

    /// <summary>The non-empty pieces of <paramref name="text"/>, in order.</summary>
    public List<string> Split(string text) => split(text).Where(p => p.Length > 0).ToList();

    public static TextPreTokenizer Read(FieldReader reader, JsonElement? element, string field)
    {
        if (element is not { } node) return Whole;
        if (node.ValueKind != JsonValueKind.Object) throw reader.Refuse($"{field}: expected a JSON object, found {node.GetRawText()}");
        var type = reader.RequiredString(node, "type", $"{field}.type");
        switch (type)
        {
            case "Sequence":
                var steps = reader.Required(node, "pretokenizers", $"{field}.pretokenizers", JsonValueKind.Array)
                    .EnumerateArray().Select((step, i) => Read(reader, step, $"{field}.pretokenizers[{i}]")).ToArray();
                return new TextPreTokenizer(
                    text => steps.Aggregate(new List<string> { text }, (pieces, step) => pieces.SelectMany(step.Split).ToList()),
                    steps.Any(s => s.ByteLevel));
            case "Split":
                if (reader.Bool(node, "invert", $"{field}.invert"))
                    throw reader.Refuse($"{field}.invert is true, which is not supported; expected false");
                var pattern = TextPattern.Read(reader, node, field);
                var behavior = reader.RequiredString(node, "behavior", $"{field}.behavior");
                return behavior switch
                {
                    "Isolated" or "Removed" or "MergedWithPrevious" or "MergedWithNext" => new(text => SplitOn(pattern, behavior, text), false),
                    _ => throw reader.Refuse($"{field}.behavior \"{behavior}\" is not supported; expected Isolated, Removed, MergedWithPrevious or MergedWithNext"),
                };
            case "Digits":
                var digits = reader.Bool(node, "individual_digits", $"{field}.individual_digits") ? DigitPattern() : DigitRunPattern();
                return new TextPreTokenizer(text => SplitOn(digits, "Isolated", text), false);
            case "ByteLevel":
                bool addPrefixSpace = reader.Bool(node, "add_prefix_space", $"{field}.add_prefix_space", absent: true);
                bool useRegex = reader.Bool(node, "use_regex", $"{field}.use_regex", absent: true);
                return new TextPreTokenizer(text =>
                {
                    if (addPrefixSpace && !text.StartsWith(' ')) text = " " + text;
                    return useRegex ? SplitOn(Gpt2PreTokenizer.Split(), "Isolated", text) : [text];
                }, byteLevel: true);
            default:
                throw reader.Refuse($"{field}.type \"{type}\" is not supported; expected Split, Digits, ByteLevel or Sequence");
        }
    }

    /// <summary>Cuts at each match of <paramref name="pattern"/>, keeping the match as the tokenizers library's behavior names say.</summary>
    static List<string> SplitOn(Regex pattern, string behavior, string text)
    {
        var segments = new List<(string Text, bool IsMatch)>();
        int at = 0;
        foreach (Match match in pattern.Matches(text))
        {
            if (match.Length == 0) continue;
            if (match.Index > at) segments.Add((text[at..match.Index], false));
            segments.Add((match.Value, true));
            at = match.Index + match.Length;
        }
        if (at < text.Length) segments.Add((text[at..], false));

        var pieces = new List<string>();
        switch (behavior)
        {
            case "Isolated": pieces.AddRange(segments.Select(s => s.Text)); break;
            case "Removed": pieces.AddRange(segments.Where(s => !s.IsMatch).Select(s => s.Text)); break;
            case "MergedWithPrevious":
                // A match joins the gap before it; a match right after another match (or at the start) stands alone.
                for (int i = 0; i < segments.Count; i++)
                    if (segments[i].IsMatch && i > 0 && !segments[i - 1].IsMatch) pieces[^1] += segments[i].Text;
                    else pieces.Add(segments[i].Text);
                break;
            case "MergedWithNext":
                for (int i = segments.Count - 1; i >= 0; i--)
                    if (segments[i].IsMatch && i < segments.Count - 1 && !segments[i + 1].IsMatch) pieces[^1] = segments[i].Text + pieces[^1];
                    else pieces.Add(segments[i].Text);
                pieces.Reverse();
                break;
        }
        return pieces;
    }

    static Regex DigitPattern() => new(@"\p{N}", RegexOptions.CultureInvariant);
    static Regex DigitRunPattern() => new(@"\p{N}+", RegexOptions.CultureInvariant);
}
