using SirArena.Arena.Agents;
using SirArena.Simulation.Games.Grocery;

namespace SirArena.Arena.Replays;

/// <summary>
/// Did a language-model agent still hold the grocery request when the recall came? From a replay, per recall round:
/// whether every token of the requested item, as the request's prompt entered the cache, was still in the memory
/// rebuilt from the traces when the agent answered. For StreamingLLM this is "the request is still in the window".
/// </summary>
public static class RequestMemory
{
    /// <summary>Recall round number to held or not; empty for a baseline's replay, which has no memory trace.</summary>
    public static IReadOnlyDictionary<long, bool> AtRecalls(string replayPath)
    {
        using var reader = ReplayReader.Open(replayPath);
        var memory = new RetainedSet(reader.Header.Eta);
        var held = new Dictionary<long, bool>();
        long[] requested = [];
        foreach (var round in reader.ReadRounds())
        {
            if (round.Trace is null) return held;
            memory.Apply(round.Trace);
            if (round.Result is not GroceryRoundResult grocery) continue;
            if (grocery.Kind == GroceryTurnKind.Request)
                requested = ItemTokens(round.Trace.Prompt, grocery.Item, replayPath, round.Round);
            else if (grocery.Kind == GroceryTurnKind.Recall && requested.Length > 0)
            {
                // The recall's own options name the item again; only the request's tokens, by stream index, count.
                var kept = memory.Tokens.Select(t => t.StreamIndex).ToHashSet();
                held[round.Round] = requested.All(kept.Contains);
            }
        }
        return held;
    }

    /// <summary>Stream indices of the prompt's tokens that spell the item inside its "[...]".</summary>
    public static long[] ItemTokens(ChunkTrace prompt, string item, string path, long round)
    {
        var text = string.Concat(prompt.TokenTexts);
        int start = text.IndexOf("[" + item + "]", StringComparison.Ordinal) + 1;
        if (start == 0)
            throw new InvalidDataException($"{path}: round {round} is a grocery request for \"{item}\", but its prompt tokens do not spell \"[{item}]\"");
        int end = start + item.Length;
        var indices = new List<long>();
        int at = 0;
        for (int i = 0; i < prompt.TokenTexts.Length; i++)
        {
            int next = at + prompt.TokenTexts[i].Length;
            if (at < end && next > start) indices.Add(prompt.FirstStreamIndex + i);
            at = next;
        }
        return [.. indices];
    }
}
