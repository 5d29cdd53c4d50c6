namespace SirArena.Arena.Replays;

/// <summary>
/// A token of an LLM agent's memory as a replay rebuilds it: its index in the endless stream, id, surface text and
/// score (its surprisal on entry times eta once per round since; higher = more worth keeping to SirLLM).
/// </summary>
public readonly record struct RememberedToken(long StreamIndex, int TokenId, string Text, float Score);
