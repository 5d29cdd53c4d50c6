using SirArena.Arena.Agents;

namespace SirArena.Arena.Replays;

/// <summary>
/// An LLM agent's memory rebuilt from a replay's traces: the tokens its cache holds, in stream order (which is slot
/// order: the cache keeps survivors in their original order), with their scores. Each chunk drops the evicted
/// stream indices and appends its tokens at their surprisal; each round ends by multiplying every score by eta in
/// single precision, exactly as the session's ledger does, so the scores match the live session bit for bit.
/// </summary>
public sealed class RetainedSet
{
    readonly List<RememberedToken> tokens = [];
    readonly HashSet<long> evicting = [];
    long nextStreamIndex;

    public RetainedSet(float eta)
    {
        if (!(eta > 0 && eta <= 1)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "eta must lie in (0, 1]");
        Eta = eta;
    }

    public float Eta { get; }
    /// <summary>The tokens held now, in stream order.</summary>
    public IReadOnlyList<RememberedToken> Tokens => tokens;
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
        if (tokens.Count != trace.CachedTokens)
            throw Inconsistent($"holds {tokens.Count} tokens after the round, but the trace says the cache held {trace.CachedTokens}");
        EndRound();
        return evicted;
    }

    void Apply(ChunkTrace chunk, List<RememberedToken> evicted)
    {
        if (chunk.FirstStreamIndex != nextStreamIndex)
            throw Inconsistent($"a chunk starts at stream index {chunk.FirstStreamIndex}, but the stream so far ends before {nextStreamIndex}");
        if (chunk.TokenTexts.Length != chunk.TokenIds.Length || chunk.Surprisal.Length != chunk.TokenIds.Length)
            throw Inconsistent("a chunk's token ids, texts and surprisals differ in number");
        if (chunk.Evicted.Length > 0)
        {
            evicting.Clear();
            evicting.UnionWith(chunk.Evicted);
            int before = evicted.Count;
            tokens.RemoveAll(token =>
            {
                if (!evicting.Contains(token.StreamIndex)) return false;
                evicted.Add(token);
                return true;
            });
            if (evicted.Count - before != evicting.Count)
                throw Inconsistent($"a chunk evicts stream indices [{string.Join(", ", chunk.Evicted)}], not all of which are held");
        }
        for (int i = 0; i < chunk.TokenIds.Length; i++)
            tokens.Add(new RememberedToken(chunk.FirstStreamIndex + i, chunk.TokenIds[i], chunk.TokenTexts[i], chunk.Surprisal[i]));
        nextStreamIndex = chunk.FirstStreamIndex + chunk.TokenIds.Length;
    }

    void EndRound()
    {
        Rounds++;
        // Same float multiply as TokenLedger.Decay, skipped at 1 as it is there.
        if (Eta == 1f) return;
        for (int i = 0; i < tokens.Count; i++) tokens[i] = tokens[i] with { Score = tokens[i].Score * Eta };
    }

    InvalidDataException Inconsistent(string what) =>
        new($"the replay's memory trace is inconsistent in its round {Rounds} (counted from its first round): the rebuilt memory {what}");
}
