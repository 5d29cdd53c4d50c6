using System.Runtime.InteropServices;
using System.Diagnostics;
using SirArena.Llm.Cache;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Inference;

/// <summary>
/// One endless token stream through a decoder whose cache is held to a budget by a memory policy.
/// Each chunk: the <see cref="RetainedMemory"/> makes room (the policy evicts; the cache applies the kept slots), the
/// decoder prefills the chunk (appending K/V), and every new
/// token gets its surprisal against the whole cached context, the chunk's first token included (scored with the
/// previous chunk's last logits, the exact definition in docs/sirllm.md). Candidate answers are scored
/// from the last logits of one prefill, not one forward pass each. A policy that ranks by attention or key norms
/// (<see cref="ScoreSource"/>) has an <see cref="AttentionProbe"/> read them during the chunk's forward pass.
/// A one-token answer needs no forward pass of its own (<see cref="Answer"/>): its surprisal is already known from the
/// logits that scored the candidates, so it enters the memory at once and its keys and values are computed at the
/// head of the next chunk, if the memory still holds it then.
/// </summary>
public sealed class StreamSession : IDisposable
{
    readonly LlamaForCausalLM model;
    readonly KvCache cache;
    readonly RetainedMemory memory;
    readonly bool deferAnswers;
    float[]? lastLogProbs;

    public IMemoryPolicy Policy { get; }
    /// <summary>Tokens the stream has consumed so far; also the stream index of the next token.</summary>
    public long TokensSeen { get; private set; }
    public int CachedTokens => memory.Count;
    /// <summary>The eta the last round ended with (an adaptive policy chooses it each round).</summary>
    public float LastEta => memory.LastEta;
    /// <summary>True when the policy chooses each round's eta, so a replay must record it.</summary>
    public bool AdaptsDecay => memory.AdaptsDecay;
    public SessionTimings Timings { get; } = new();
    public KeyStorage Keys => cache.Keys;

    /// <summary>True when a one-token <see cref="Answer"/> waits for the next chunk's forward pass: the session was not
    /// told to run answers at once, and its policy's score does not need the answer's own pass (surprisal, or none).</summary>
    public bool DefersAnswers => deferAnswers && !memory.Source.ReadsForwardPass();

    /// <summary>True between a deferred <see cref="Answer"/> and the next chunk: the memory holds a token the cache
    /// has no keys and values for yet.</summary>
    bool AnswerPending => memory.Count > cache.Length;

    /// <param name="deferAnswers">false to run every answer through a forward pass of its own, as a replay of version 1
    /// or 2 was played (its verification plays it that way)</param>
    /// <param name="keys">how the cache holds its keys (<see cref="KeyStorage.Rotated"/> as replays before version 7
    /// were played)</param>
    public StreamSession(LlamaForCausalLM model, IMemoryPolicy policy, bool deferAnswers = true, KeyStorage keys = KeyStorage.Unrotated)
    {
        this.model = model;
        this.deferAnswers = deferAnswers;
        Policy = policy;
        cache = new KvCache(model.Config, model.Rope, policy.Budget, keys);
        memory = new RetainedMemory(policy);
    }

    /// <summary>Appends a chunk to the stream (a user turn; the chosen answer goes through <see cref="Answer"/>).</summary>
    /// <param name="tokens">the chunk</param>
    /// <param name="reserve">room to make now for tokens that will follow before the next round, such as the
    /// answer (the reference's prompt plus max_gen_len), so that appending them evicts nothing</param>
    public ChunkResult Prefill(ReadOnlySpan<int> tokens, int reserve = 0)
    {
        if (tokens.IsEmpty) throw new ArgumentException("a chunk must hold at least one token", nameof(tokens));
        ArgumentOutOfRangeException.ThrowIfNegative(reserve);
        int n = tokens.Length;
        long started = Stopwatch.GetTimestamp();
        var (room, held) = MakeRoom(n + reserve);
        Timings.AddMemory(started);

        started = Stopwatch.GetTimestamp();
        var surprisal = new float[n];
        var source = memory.Source;
        var probe = source.ReadsForwardPass() ? new AttentionProbe(source) : null;
        cache.Probe = probe;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            // Held answer tokens without keys and values yet run first, so the chunk attends to them.
            int h = held.Length, m = h + n;
            var ids = tensor(ToLong([.. held, .. tokens]), device: model.Device).view(1, m);
            Tensor logits;
            try { logits = model.forward(ids, cache)[0]; }
            finally { cache.Probe = null; }
            var logProbs = nn.functional.log_softmax(logits, -1); // (m, vocab)
            // Row i predicts token i + 1, so every chunk token is scored in this pass but a first one with nothing
            // before it here, which the last chunk's logits score.
            int scored = h > 0 ? 0 : 1;
            if (scored < n)
            {
                var next = logProbs.narrow(0, h + scored - 1, n - scored).gather(1, ids[0].narrow(0, h + scored, n - scored).unsqueeze(1));
                next.neg().cpu().data<float>().CopyTo(surprisal.AsSpan(scored));
            }
            if (scored == 1)
                surprisal[0] = lastLogProbs is not null
                    ? -lastLogProbs[tokens[0]]
                    : FirstTokenScore(surprisal);
            lastLogProbs = logProbs[m - 1].cpu().data<float>().ToArray();
        }

        Timings.AddDecode(started);

        long first = TokensSeen;
        var scores = source switch
        {
            ScoreSource.NegativeKeyNorm => probe!.Take().Select(norm => -norm).ToArray(),
            ScoreSource.AccumulatedAttention or ScoreSource.NewestQueryAttention => new float[n],
            _ => surprisal,
        };
        memory.Append(tokens, scores, first);
        if (source.IsAttention()) memory.Observe(probe!.Take());
        TokensSeen += n;
        return new ChunkResult(first, surprisal, scores, room.Evicted);
    }

    /// <summary>
    /// Appends the chosen answer. A one-token answer, while the session <see cref="DefersAnswers"/>, enters the memory at
    /// once with its surprisal off the logits that scored it; its keys and values are computed at the head of the next
    /// <see cref="Prefill"/>, which saves a forward pass of one token each round. Anything else is prefilled.
    /// </summary>
    public ChunkResult Answer(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length != 1 || lastLogProbs is null || !DefersAnswers || AnswerPending)
            return Prefill(tokens);
        long started = Stopwatch.GetTimestamp();
        var (room, _) = MakeRoom(1);
        float[] surprisal = [-lastLogProbs[tokens[0]]];
        long first = TokensSeen;
        memory.Append(tokens, surprisal, first);
        TokensSeen += 1;
        Timings.AddMemory(started);
        return new ChunkResult(first, surprisal, surprisal, room.Evicted);
    }

    /// <summary>
    /// Makes room for <paramref name="incoming"/> tokens: the memory evicts, the cache keeps the same slots among those
    /// it has keys and values for, and the tokens the memory still holds beyond those (a deferred answer) are returned
    /// to be run at the head of the chunk.
    /// </summary>
    (Eviction Room, int[] Held) MakeRoom(int incoming)
    {
        int computed = cache.Length;
        var room = memory.MakeRoom(incoming);
        int kept = room.Kept.Length;
        while (kept > 0 && room.Kept[kept - 1] >= computed) kept--;
        cache.Compact(new ArraySegment<int>(room.Kept, 0, kept));
        var held = new int[room.Kept.Length - kept];
        for (int i = 0; i < held.Length; i++) held[i] = memory[kept + i].TokenId;
        return (room, held);
    }

    /// <summary>ln p(first token of each candidate | the stream so far), read off the last prefill's logits.</summary>
    public double[] ScoreCandidates(IReadOnlyList<int> firstTokens)
    {
        if (lastLogProbs is null || AnswerPending) throw new InvalidOperationException("score candidates after prefilling a chunk, not after an answer");
        if (firstTokens.Distinct().Count() != firstTokens.Count)
            throw new ArgumentException("candidate answers must start with distinct tokens to be told apart by one prefill", nameof(firstTokens));
        return Finite(firstTokens.Select(id => (double)lastLogProbs[id]).ToArray());
    }

    /// <summary>
    /// ln p(whole candidate | the stream so far) for each candidate: its first token off the last prefill's logits, the
    /// rest by running the candidate through the decoder and taking it back out of the cache, so the stream, its
    /// memory and its last logits are as they were. For candidates that share a first token (a tokenizer that splits
    /// the answer words), which one prefill cannot tell apart. Needs room for the longest candidate but one token,
    /// which the prompt's reserve gives.
    /// </summary>
    public double[] ScoreSequences(IReadOnlyList<int[]> candidates)
    {
        if (lastLogProbs is null || AnswerPending) throw new InvalidOperationException("score candidates after prefilling a chunk, not after an answer");
        int length = cache.Length;
        var back = Enumerable.Range(0, length).ToArray();
        var scores = new double[candidates.Count];
        for (int c = 0; c < candidates.Count; c++)
        {
            var ids = candidates[c];
            if (ids.Length == 0) throw new ArgumentException($"candidate {c} has no tokens", nameof(candidates));
            double score = lastLogProbs[ids[0]];
            int rest = ids.Length - 1;
            if (rest > 0)
            {
                if (length + rest > cache.Capacity)
                    throw new InvalidOperationException($"candidate {c} needs {rest} more cache slots than the {cache.Capacity - length} left; prefill the prompt with a reserve of the longest answer");
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var input = tensor(ToLong(ids.AsSpan(0, rest)), device: model.Device).view(1, rest);
                var logProbs = nn.functional.log_softmax(model.forward(input, cache)[0], -1); // (rest, vocab)
                score += logProbs.gather(1, tensor(ToLong(ids.AsSpan(1)), device: model.Device).unsqueeze(1)).sum().item<float>();
                cache.Compact(back);
            }
            scores[c] = score;
        }
        return Finite(scores);
    }

    /// <summary>Ends a round: SirLLM's decay multiplies every stored score by eta (no-op for eta = 1).</summary>
    public void EndRound()
    {
        long started = Stopwatch.GetTimestamp();
        memory.EndRound();
        Timings.AddMemory(started);
    }

    /// <summary>The tokens the cache holds now, in slot order, with their current scores.</summary>
    public RetainedToken[] Retained() => memory.Snapshot();

    /// <summary>
    /// Writes the whole state of the stream for a checkpoint: its position, the last logits' log-probabilities (which
    /// score the next chunk's first token), the retained memory and the cache tensors. A session over the same model and
    /// policy given <see cref="RestoreState"/> continues bit for bit as this one would.
    /// </summary>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(TokensSeen);
        writer.Write(lastLogProbs?.Length ?? -1);
        if (lastLogProbs is not null) writer.Write(MemoryMarshal.AsBytes(lastLogProbs.AsSpan()));
        memory.WriteState(writer);
        cache.WriteState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        TokensSeen = reader.ReadInt64();
        int vocabulary = reader.ReadInt32();
        if (vocabulary != -1 && vocabulary != model.Config.VocabSize)
            throw new InvalidDataException($"the saved stream scored {vocabulary} tokens, this model has {model.Config.VocabSize}");
        lastLogProbs = vocabulary < 0 ? null : new float[vocabulary];
        if (lastLogProbs is not null) reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(lastLogProbs.AsSpan()));
        memory.ReadState(reader);
        cache.ReadState(reader);
        if (cache.Length > memory.Count || memory.Count - cache.Length > 1)
            throw new InvalidDataException($"the saved cache holds {cache.Length} slots but its memory {memory.Count}; expected the same, or one more in memory (an answer not yet run)");
    }

    /// <summary>
    /// A NaN or +infinity log-probability comes only from non-finite activations and would make the choice arbitrary,
    /// so it stops the stream; -infinity is a probability that underflowed to zero and stays a valid score.
    /// </summary>
    double[] Finite(double[] scores) => scores.All(s => !double.IsNaN(s) && !double.IsPositiveInfinity(s)) ? scores
        : throw new NonFiniteScoreException(
            $"the model scored the candidate answers [{string.Join(", ", scores)}] after {TokensSeen} tokens; expected log-probabilities (at most 0, or -infinity)");

    /// <summary>The first token of a stream has no context to be scored against: it takes the chunk's maximum.</summary>
    static float FirstTokenScore(float[] surprisal) => surprisal.Length > 1 ? surprisal.Skip(1).Max() : 0f;

    static long[] ToLong(ReadOnlySpan<int> tokens)
    {
        var ids = new long[tokens.Length];
        for (int i = 0; i < ids.Length; i++) ids[i] = tokens[i];
        return ids;
    }

    public void Dispose() => cache.Dispose();
}
