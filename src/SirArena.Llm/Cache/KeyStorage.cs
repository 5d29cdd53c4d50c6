namespace SirArena.Llm.Cache;

/// <summary>How a <see cref="KvCache"/> holds its keys, which decides where their rotary positions come from.</summary>
public enum KeyStorage
{
    /// <summary>As the key projection gave them; every forward pass rotates the held keys to their slots. A key then
    /// depends on its token alone, not on the moves it made, and a compaction only copies.</summary>
    Unrotated,

    /// <summary>Rotated to their slot when written and rotated again by the shift each time a compaction moves them,
    /// as replays before version 7 were played.</summary>
    Rotated,
}
