using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SirArena.Cli.Views;

/// <summary>
/// Writes the inspector (<c>replay FILE --html</c>): one self-contained HTML page, its CSS and script inline and no
/// request to any network, with one or two replays' <see cref="InspectorData"/> embedded as JSON in a
/// <c>&lt;script type="application/json"&gt;</c> block. The page template is ReplayInspector.html, an embedded resource.
/// </summary>
public static class ReplayHtml
{
    const string DataMark = "/*INSPECTOR-DATA*/";

    // The default encoder escapes '<', '>' and '&', so no text in the data can close the script block.
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The page for <paramref name="sides"/> (one replay, or two of the same match to compare), opening at <paramref name="openAt"/>.</summary>
    public static string Page(IReadOnlyList<InspectorData> sides, RoundRange range, long openAt, string? note)
    {
        var data = JsonSerializer.Serialize(new { range.From, range.To, OpenAt = openAt, Note = note, Sides = sides }, Options);
        var template = Template();
        int at = template.IndexOf(DataMark, StringComparison.Ordinal);
        return string.Concat(template.AsSpan(0, at), data, template.AsSpan(at + DataMark.Length));
    }

    static string Template()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SirArena.Cli.Views.ReplayInspector.html")
            ?? throw new InvalidOperationException("the inspector page template is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
