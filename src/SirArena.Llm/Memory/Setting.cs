namespace SirArena.Llm.Memory;

/// <summary>Range checks for policy settings, so every message names the setting, its range and the value given.</summary>
internal static class Setting
{
    public static int AtLeast(int value, int min, string name) =>
        value >= min ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= {min}; got {value}.");

    public static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; got {value}.");

    /// <summary>eta, the per-round decay of stored scores: 0 would erase every score at once, above 1 scores would grow.</summary>
    public static float Eta(float value, string name) =>
        value > 0f && value <= 1f
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} (the decay ratio eta) must be in (0, 1]; got {value}.");
}
