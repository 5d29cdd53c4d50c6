using System.Text.Json.Serialization;

namespace SirArena.Arena.Agents;

/// <summary>
/// What one chunk did to an LLM agent's memory: the tokens appended (ids and surface text) from stream index
/// <paramref name="FirstStreamIndex"/> on, each one's surprisal in nats, the stream indices the memory policy evicted
/// to make room for it, and, for a policy whose tokens enter at another score than their surprisal (minus the key
/// norm), those <paramref name="Scores"/> (absent, and not written, otherwise). From a match's chunks in order, plus eta
/// (and an attention policy's held scores, <see cref="LlmRoundTrace.HeldScores"/>), the exact retained set and its
/// scores can be rebuilt at any round.
/// </summary>
public sealed record ChunkTrace(
    long FirstStreamIndex, int[] TokenIds, string[] TokenTexts, float[] Surprisal, long[] Evicted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? Scores = null)
{
    /// <summary>The scores the chunk's tokens entered the memory with.</summary>
    [JsonIgnore]
    public float[] EntryScores => Scores ?? Surprisal;
}

/// <summary>One round of an LLM agent: the user turn's chunk, then the chosen answer's chunk; the cache fill after;
/// for a policy that adapts its decay, the eta the round ended with; and for a policy that scores by attention (whose
/// scores change on every forward pass), every held token's score at the end of the round, in slot order. The last
/// two are absent, and not written, for the other policies.</summary>
public sealed record LlmRoundTrace(
    ChunkTrace Prompt, ChunkTrace Answer, int CachedTokens,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float? Eta = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? HeldScores = null);
