namespace SirArena.Llm.Memory;

/// <summary>One token held in (or evicted from) the cache: where it sits, where it came from in the stream, and
/// its current score (its surprisal when it entered, times eta once per round since).</summary>
public readonly record struct RetainedToken(int Slot, long StreamIndex, int TokenId, float Score);
