namespace SirArena.Arena.Reports;

/// <summary>Two agents whose paired difference the report shows, as <see cref="A"/> minus <see cref="B"/>
/// (for example SirLLM minus StreamingLLM at the same budget). <see cref="ShareOfGap"/> false leaves out the share of
/// B's gap to the oracle that A closed, for a B already near the oracle (a variant against the rule it varies), where
/// that share divides by a gap of a point or two and says nothing.</summary>
public sealed record AgentPair(string A, string B, bool ShareOfGap = true);
