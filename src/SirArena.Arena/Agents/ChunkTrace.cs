using System.Text.Json.Serialization;

namespace SirArena.Arena.Agents;

/// <summary>
/// What one chunk did to an LLM agent's memory: the tokens appended (ids and surface text) from stream index
/// <paramref name="FirstStreamIndex"/> on, each one's surprisal in nats (its starting score), and the stream indices
/// the memory policy evicted to make room for it. From a match's chunks in order, plus eta, the exact retained set
/// and its scores can be rebuilt at any round.
/// </summary>
public sealed record ChunkTrace(long FirstStreamIndex, int[] TokenIds, string[] TokenTexts, float[] Surprisal, long[] Evicted);

/// <summary>One round of an LLM agent: the user turn's chunk, then the chosen answer's chunk; the cache fill after; and,
/// for a policy that adapts its decay, the eta the round ended with (absent, and not written, for a fixed eta).</summary>
public sealed record LlmRoundTrace(
    ChunkTrace Prompt, ChunkTrace Answer, int CachedTokens,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float? Eta = null);
