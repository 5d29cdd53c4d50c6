using System.Text.Json;
using System.Text.Json.Serialization;

namespace SirArena.Llm.Model;

/// <summary>
/// <c>rope_scaling</c> of a config.json: how a checkpoint stretches its rotary positions. Three kinds are computed as
/// Hugging Face computes them, any other is refused by name:
/// <list type="bullet">
/// <item><c>linear</c>: every frequency divided by <c>factor</c> (position p turns as p / factor did).</item>
/// <item><c>llama3</c> (Llama 3.1 and 3.2): wavelengths shorter than <c>original_max_position_embeddings</c> /
/// <c>high_freq_factor</c> kept, longer than it / <c>low_freq_factor</c> divided by <c>factor</c>, and those between
/// blended linearly in the ratio of context length to wavelength.</item>
/// <item><c>dynamic</c> (NTK): the base grows only once a sequence runs past max_position_embeddings; this engine
/// never places a token there (a budget is at most that length), so the frequencies stay as they are.</item>
/// </list>
/// </summary>
public sealed record RopeScaling
{
    public static readonly IReadOnlyList<string> Supported = ["default", "linear", "dynamic", "llama3"];

    [JsonPropertyName("rope_type")] public string? RopeType { get; init; }
    /// <summary>The older spelling of <see cref="RopeType"/>.</summary>
    [JsonPropertyName("type")] public string? LegacyType { get; init; }
    [JsonPropertyName("factor")] public double? Factor { get; init; }
    [JsonPropertyName("original_max_position_embeddings")] public int? OriginalMaxPositionEmbeddings { get; init; }
    [JsonPropertyName("low_freq_factor")] public double? LowFreqFactor { get; init; }
    [JsonPropertyName("high_freq_factor")] public double? HighFreqFactor { get; init; }
    /// <summary>Keys of other kinds (yarn's beta_fast, longrope's short_factor, ...): refused, they change the angles.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherKeys { get; init; }

    [JsonIgnore] public string Type => RopeType ?? LegacyType ?? "default";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first key that is missing, out of range or unsupported.</summary>
    public RopeScaling Validate()
    {
        if (!Supported.Contains(Type))
            throw new ArgumentException($"rope_scaling.rope_type \"{Type}\" is not supported; supported: {string.Join(", ", Supported)}");
        if (OtherKeys is { Count: > 0 })
            throw new ArgumentException($"rope_scaling.{OtherKeys.Keys.First()} is not supported with rope_type \"{Type}\" (it would change the rotary angles)");
        if (Type == "default") return this;
        if (Factor is not (> 0 and < double.PositiveInfinity))
            throw new ArgumentException($"rope_scaling.factor must be a positive number for rope_type \"{Type}\", got {Factor?.ToString() ?? "none"}");
        if (Type == "llama3")
        {
            if (OriginalMaxPositionEmbeddings is not > 0)
                throw new ArgumentException("rope_scaling.original_max_position_embeddings must be a positive integer for rope_type \"llama3\"");
            if (LowFreqFactor is not > 0 || HighFreqFactor is not > 0 || HighFreqFactor <= LowFreqFactor)
                throw new ArgumentException($"rope_scaling.low_freq_factor and high_freq_factor must be positive with low < high for rope_type \"llama3\", got {LowFreqFactor}, {HighFreqFactor}");
        }
        return this;
    }

    /// <summary>The inverse frequencies theta^(-2i/d) of an unscaled rotation, i = 0 .. d/2 - 1.</summary>
    public static double[] Unscaled(int headDim, double theta) =>
        Enumerable.Range(0, headDim / 2).Select(i => 1.0 / Math.Pow(theta, 2.0 * i / headDim)).ToArray();

    /// <summary>The inverse frequencies this scaling turns <paramref name="inverseFrequencies"/> into.</summary>
    public double[] Apply(double[] inverseFrequencies) => Type switch
    {
        "linear" => inverseFrequencies.Select(f => f / Factor!.Value).ToArray(),
        "llama3" => inverseFrequencies.Select(Llama3).ToArray(),
        _ => inverseFrequencies,
    };

    double Llama3(double frequency)
    {
        double factor = Factor!.Value, low = LowFreqFactor!.Value, high = HighFreqFactor!.Value;
        double context = OriginalMaxPositionEmbeddings!.Value;
        double wavelength = 2 * Math.PI / frequency;
        if (wavelength < context / high) return frequency;
        if (wavelength > context / low) return frequency / factor;
        double smooth = (context / wavelength - low) / (high - low);
        return (1 - smooth) * frequency / factor + smooth * frequency;
    }
}
