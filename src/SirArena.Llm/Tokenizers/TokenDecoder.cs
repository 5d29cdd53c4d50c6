using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// A tokenizer.json <c>decoder</c>: turns the tokens of a run of ids back into text. ByteLevel (GPT-2's byte
/// alphabet back to UTF-8), or a Sequence of Replace, ByteFallback, Fuse and Strip, each working on the list of
/// token strings as the tokenizers library's decoders do.
/// </summary>
internal sealed class TokenDecoder(Func<List<string>, List<string>> apply)
{
    public string Decode(IEnumerable<string> tokens) => string.Concat(Apply(tokens.ToList()));

    List<string> Apply(List<string> tokens) => apply(tokens);

    public static TokenDecoder Read(FieldReader reader, JsonElement? element, string field)
    {
        // Without a decoder the tokenizers library joins tokens with spaces, which no model this engine reads wants.
        if (element is not { } node) throw reader.Refuse($"{field} is missing; expected ByteLevel or a Sequence of Replace, ByteFallback, Fuse and Strip");
        if (node.ValueKind != JsonValueKind.Object) throw reader.Refuse($"{field}: expected a JSON object, found {node.GetRawText()}");
        var type = reader.RequiredString(node, "type", $"{field}.type");
        switch (type)
        {
            case "Sequence":
                var steps = reader.Required(node, "decoders", $"{field}.decoders", JsonValueKind.Array)
                    .EnumerateArray().Select((step, i) => Read(reader, step, $"{field}.decoders[{i}]")).ToArray();
                return new TokenDecoder(tokens => steps.Aggregate(tokens, (t, step) => step.Apply(t)));
            case "ByteLevel":
                return new TokenDecoder(tokens => [FromByteAlphabet(string.Concat(tokens))]);
            case "Replace":
                var pattern = TextPattern.Read(reader, node, field);
                var content = reader.String(node, "content", $"{field}.content") ?? "";
                return new TokenDecoder(tokens => tokens.Select(t => pattern.Replace(t, content)).ToList());
            case "ByteFallback":
                return new TokenDecoder(JoinByteTokens);
            case "Fuse":
                return new TokenDecoder(tokens => [string.Concat(tokens)]);
            case "Strip":
                var strip = reader.RequiredString(node, "content", $"{field}.content");
                if (strip.Length != 1) throw reader.Refuse($"{field}.content: expected one character, found \"{strip}\"");
                int start = reader.Int(node, "start", $"{field}.start", 0), stop = reader.Int(node, "stop", $"{field}.stop", 0);
                return new TokenDecoder(tokens => tokens.Select(t => Strip(t, strip[0], start, stop)).ToList());
            default:
                throw reader.Refuse($"{field}.type \"{type}\" is not supported; expected ByteLevel, Replace, ByteFallback, Fuse, Strip or Sequence");
        }
    }

    /// <summary>Each character of GPT-2's byte alphabet stands for one byte; one outside it (in an added token) stands for itself.</summary>
    static string FromByteAlphabet(string symbols)
    {
        var bytes = new List<byte>(symbols.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in symbols.EnumerateRunes())
        {
            if (rune.IsBmp && ByteLevelAlphabet.TryToByte((char)rune.Value, out byte b)) bytes.Add(b);
            else bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)].ToArray());
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>
    /// Consecutive "&lt;0xNN&gt;" tokens become the text of their bytes; bytes that are not valid UTF-8 become one
    /// U+FFFD each, as the tokenizers library writes them.
    /// </summary>
    static List<string> JoinByteTokens(List<string> tokens)
    {
        var output = new List<string>(tokens.Count);
        var pending = new List<byte>();
        foreach (var token in tokens)
        {
            if (TryByteToken(token, out byte b)) { pending.Add(b); continue; }
            Flush();
            output.Add(token);
        }
        Flush();
        return output;

        void Flush()
        {
            if (pending.Count == 0) return;
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            try { output.Add(strict.GetString(pending.ToArray())); }
            catch (DecoderFallbackException) { output.AddRange(pending.Select(_ => "\uFFFD")); }
            pending.Clear();
        }
    }

    public static bool TryByteToken(string token, out byte value)
    {
        value = 0;
        return token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>'
            && byte.TryParse(token.AsSpan(3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    static string Strip(string token, char c, int start, int stop)
    {
        int from = 0, to = token.Length;
        while (from < to && from < start && token[from] == c) from++;
        while (to > from && token.Length - to < stop && token[to - 1] == c) to--;
        return token[from..to];
    }
}
