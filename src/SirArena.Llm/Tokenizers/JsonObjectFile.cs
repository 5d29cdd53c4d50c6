using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>A tokenizer file that must hold one JSON object; any other content is refused naming the file.</summary>
internal static class JsonObjectFile
{
    /// <summary>The parsed file; <see cref="InvalidDataException"/> with the file and line for bad JSON or a non-object root.</summary>
    public static JsonDocument Parse(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: not valid JSON ({e.Message})", e);
        }
        var kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidDataException($"{path}: expected a JSON object, found a {kind}");
        }
        return document;
    }
}
