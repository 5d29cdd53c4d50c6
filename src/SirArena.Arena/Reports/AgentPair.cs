namespace SirArena.Arena.Reports;

/// <summary>Two agents whose paired difference the report shows, as <see cref="A"/> minus <see cref="B"/>
/// (for example SirLLM minus StreamingLLM at the same budget).</summary>
public sealed record AgentPair(string A, string B);
