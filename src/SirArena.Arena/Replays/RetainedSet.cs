using SirArena.Arena.Agents;
using SirArena.Llm.Memory;

namespace SirArena.Arena.Replays;

/// <summary>
/// An LLM agent's memory rebuilt from a replay's traces: the tokens its cache holds, in stream order (which is slot
/// order: the cache keeps survivors in their original order), with their texts and scores. The rebuild runs the
/// session's own <see cref="RetainedMemory"/>, told each chunk's evictions by the trace instead of choosing them, so
/// appends and the decay by eta are the live session's to the bit; an attention policy's scores, which change on every
/// forward pass, are set from the round's recorded held scores.
/// </summary>
public sealed class RetainedSet
{
    readonly RetainedMemory memory;
    readonly List<string> texts = [];
    readonly HashSet<long> evicting = [];
    long nextStreamIndex;

    public RetainedSet(float eta) => memory = RetainedMemory.Recorded(eta);

    public float Eta => memory.Eta;

    /// <summary>The tokens held now, in stream order.</summary>
    public IReadOnlyList<RememberedToken> Tokens =>
        Enumerable.Range(0, memory.Count).Select(slot => Remembered(memory[slot], texts[slot])).ToArray();

    /// <summary>Rounds applied so far.</summary>
    public long Rounds { get; private set; }

    /// <summary>
    /// Applies one round's trace (prompt, answer, decay) and returns the tokens it evicted, with the scores they had.
    /// </summary>
    public IReadOnlyList<RememberedToken> Apply(LlmRoundTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var evicted = new List<RememberedToken>();
        Apply(trace.Prompt, evicted);
        Apply(trace.Answer, evicted);
        if (memory.Count != trace.CachedTokens)
            throw Inconsistent($"holds {memory.Count} tokens after the round, but the trace says the cache held {trace.CachedTokens}");
        memory.EndRound(trace.Eta);
        if (trace.HeldScores is { } held)
        {
            if (held.Length != memory.Count)
                throw Inconsistent($"holds {memory.Count} tokens after the round, but the trace gives {held.Length} held scores");
            memory.Restore(held);
        }
        Rounds++;
        return evicted;
    }

    void Apply(ChunkTrace chunk, List<RememberedToken> evicted)
    {
        if (chunk.FirstStreamIndex != nextStreamIndex)
            throw Inconsistent($"a chunk starts at stream index {chunk.FirstStreamIndex}, but the stream so far ends before {nextStreamIndex}");
        if (chunk.TokenTexts.Length != chunk.TokenIds.Length || chunk.Surprisal.Length != chunk.TokenIds.Length || chunk.EntryScores.Length != chunk.TokenIds.Length)
            throw Inconsistent("a chunk's token ids, texts, surprisals and scores differ in number");
        if (chunk.Evicted.Length > 0)
        {
            evicting.Clear();
            evicting.UnionWith(chunk.Evicted);
            var eviction = memory.Forget(evicting);
            if (eviction.Evicted.Length != evicting.Count)
                throw Inconsistent($"a chunk evicts stream indices [{string.Join(", ", chunk.Evicted)}], not all of which are held");
            evicted.AddRange(eviction.Evicted.Select(token => Remembered(token, texts[token.Slot])));
            eviction.ApplyTo(texts);
        }
        memory.Append(chunk.TokenIds, chunk.EntryScores, chunk.FirstStreamIndex);
        texts.AddRange(chunk.TokenTexts);
        nextStreamIndex = chunk.FirstStreamIndex + chunk.TokenIds.Length;
    }

    static RememberedToken Remembered(RetainedToken token, string text) => new(token.StreamIndex, token.TokenId, text, token.Score);

    InvalidDataException Inconsistent(string what) =>
        new($"the replay's memory trace is inconsistent in its round {Rounds} (counted from its first round): the rebuilt memory {what}");
}
