using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SirArena.Arena.Replays;

/// <summary>
/// The one set of serializer options every replay is written and read with (built once: options cache their type
/// metadata, so reusing them is what keeps writing a round cheap).
/// </summary>
public static class ReplayJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // A missing or null field the types do not allow is a bad line, not a record with holes.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // Surprisal can in principle be infinite; a replay must still be writable and readable then.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // Replays are files read by people and jq, never embedded in HTML: keep "Let's" readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputed } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Leaves out properties computed from others (a round's "answer", an agent's "isLlm", a distribution's
    /// "mostLikely"): they cannot be read back, and every round would pay to write them.
    /// </summary>
    static void SkipComputed(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (int i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null) type.Properties.RemoveAt(i);
        }
    }
}
