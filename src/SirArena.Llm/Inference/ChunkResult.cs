using SirArena.Llm.Memory;

namespace SirArena.Llm.Inference;

/// <summary>What prefilling one chunk did: each new token's surprisal (-ln p(token | everything before it), in
/// nats) and the tokens the memory policy evicted to make room, with the scores they had.</summary>
public sealed record ChunkResult(long FirstStreamIndex, float[] Surprisal, RetainedToken[] Evicted);
