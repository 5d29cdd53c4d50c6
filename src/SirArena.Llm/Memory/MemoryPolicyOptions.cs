namespace SirArena.Llm.Memory;

/// <summary>
/// What a run says about its memory: a policy name and sizes, validated on construction so a bad command line fails
/// before any model loads. The defaults scale the SirLLM reference shape (start 4, entropy 1020, recent 0 of 1024)
/// to a 512-token budget: sir keeps 4 sinks and 508 top scorers; streaming keeps 4 sinks and 508 recent tokens.
/// </summary>
/// <param name="Name">"full", "streaming", "sir", "sir-adaptive", "h2o", "tova" or "knorm" (any case).</param>
/// <param name="Budget">B, the most tokens the cache holds; ignored by "full", whose only limit is L.</param>
/// <param name="Start">Attention sinks kept by "streaming" and "sir".</param>
/// <param name="Recent">
/// "sir", "tova", "knorm": slots for the newest tokens (default 0; the rest of the budget goes to top scorers); "h2o":
/// the same, by default half of what the sinks leave, as the H2O paper splits it. "streaming": always
/// Budget - Start, so leave it unset or give exactly that.
/// </param>
/// <param name="Eta">Decay ratio of "sir" scores per round, in (0, 1]; for "sir-adaptive" the largest it chooses.</param>
/// <param name="PretrainingLength">L, the model's max_position_embeddings; "full" refuses past it, and B &lt;= L.</param>
public sealed record MemoryPolicyOptions(
    string Name = "sir", int Budget = 512, int Start = 4, int? Recent = null, float Eta = 0.9f, int PretrainingLength = 2048)
{
    // Initializers run top to bottom, so each check may rely on the parameters validated above it.
    public string Name { get; } = KnownName(Name);
    public int PretrainingLength { get; } = Setting.AtLeast(PretrainingLength, 1, nameof(PretrainingLength));
    public int Start { get; } = Setting.AtLeast(Start, 0, nameof(Start));

    // At least one slot beyond the sinks, or no chunk could ever arrive once the sinks are in.
    public int Budget { get; } = Setting.InRange(Budget, Start + 1, PretrainingLength, nameof(Budget));

    public int? Recent { get; } = Recent is { } recent
        ? Setting.InRange(recent, 0, Budget - Start, nameof(Recent))
        : null;

    public float Eta { get; } = Setting.Eta(Eta, nameof(Eta));

    private static string KnownName(string? name)
    {
        string normal = name?.Trim().ToLowerInvariant() ?? "";
        return MemoryPolicies.Names.Contains(normal)
            ? normal
            : throw new ArgumentException(
                $"Unknown memory policy '{name}'; known: {string.Join(", ", MemoryPolicies.Names)}.", nameof(Name));
    }
}
