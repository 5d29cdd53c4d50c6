namespace SirArena.Llm.Memory;

/// <summary>
/// What making room did to a <see cref="RetainedMemory"/>: the slots kept (sorted ascending and unique, numbered as
/// before the eviction; every slot when nothing went) and the tokens evicted, with the scores they had. Whatever holds
/// something per slot beside the memory (the KV cache's keys and values, a corpus's token roles, a replay's token
/// texts) applies the same kept slots, and so stays aligned with it.
/// </summary>
public sealed record Eviction(int[] Kept, RetainedToken[] Evicted)
{
    /// <summary>Closes up <paramref name="perSlot"/> to the kept slots, in their order.</summary>
    public void ApplyTo<T>(List<T> perSlot)
    {
        ArgumentNullException.ThrowIfNull(perSlot);
        if (Kept.Length == perSlot.Count) return;
        for (int i = 0; i < Kept.Length; i++) perSlot[i] = perSlot[Kept[i]];
        perSlot.RemoveRange(Kept.Length, perSlot.Count - Kept.Length);
    }
}
