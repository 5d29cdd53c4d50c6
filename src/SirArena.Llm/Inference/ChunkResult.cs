using SirArena.Llm.Memory;

namespace SirArena.Llm.Inference;

/// <summary>What prefilling one chunk did: each new token's surprisal (-ln p(token | everything before it), in
/// nats), the score it entered the memory with (the surprisal itself unless the policy scores otherwise: minus its key
/// norm, or 0 before attention adds to it), and the tokens the memory policy evicted to make room, with the scores
/// they had.</summary>
public sealed record ChunkResult(long FirstStreamIndex, float[] Surprisal, float[] Scores, RetainedToken[] Evicted);
