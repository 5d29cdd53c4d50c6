using System.Text.Json;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// The Jinja chat template of a Hugging Face model folder: <c>chat_template.jinja</c> when present (transformers
/// writes the template there and it wins, as in transformers), else <c>chat_template</c> in tokenizer_config.json:
/// a string, or a list of <c>{"name", "template"}</c> from which the one named "default" is taken.
/// </summary>
internal static class ChatTemplateFile
{
    public const string JinjaFileName = "chat_template.jinja";
    const string ConfigFileName = "tokenizer_config.json";

    public static string? Read(string folder)
    {
        var jinja = Path.Combine(folder, JinjaFileName);
        if (File.Exists(jinja)) return File.ReadAllText(jinja);

        var configPath = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(configPath)) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(configPath));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{configPath}: line {e.LineNumber + 1}: not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            var reader = new FieldReader(configPath);
            if (document.RootElement.ValueKind != JsonValueKind.Object || reader.Optional(document.RootElement, "chat_template") is not { } template)
                return null;
            if (template.ValueKind == JsonValueKind.String) return template.GetString();
            if (template.ValueKind == JsonValueKind.Array)
            {
                foreach (var named in template.EnumerateArray())
                    if (named.ValueKind == JsonValueKind.Object && reader.String(named, "name", "chat_template[].name") == "default")
                        return reader.RequiredString(named, "template", "chat_template[].template");
                throw reader.Refuse("chat_template: a list of templates must hold one named \"default\"");
            }
            throw reader.Refuse($"chat_template: expected a string or a list of {{\"name\", \"template\"}}, found a {template.ValueKind}");
        }
    }
}
