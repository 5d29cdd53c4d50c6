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
/// </summary>
public sealed class StreamSession : IDisposable
{
    readonly LlamaForCausalLM model;
    readonly KvCache cache;
    readonly RetainedMemory memory;
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

    public StreamSession(LlamaForCausalLM model, IMemoryPolicy policy)
    {
        this.model = model;
        Policy = policy;
        cache = new KvCache(model.Config, model.Rope, policy.Budget);
        memory = new RetainedMemory(policy);
    }

    /// <summary>Appends a chunk to the stream (a user turn, or the chosen answer).</summary>
    /// <param name="tokens">the chunk</param>
    /// <param name="reserve">room to make now for tokens that will follow before the next round, such as the
    /// answer (the reference's prompt plus max_gen_len), so that appending them evicts nothing</param>
    public ChunkResult Prefill(ReadOnlySpan<int> tokens, int reserve = 0)
    {
        if (tokens.IsEmpty) throw new ArgumentException("a chunk must hold at least one token", nameof(tokens));
        ArgumentOutOfRangeException.ThrowIfNegative(reserve);
        int n = tokens.Length;
        long started = Stopwatch.GetTimestamp();
        var room = memory.MakeRoom(n + reserve);
        cache.Compact(room.Kept);
        Timings.AddMemory(started);

        started = Stopwatch.GetTimestamp();
        var surprisal = new float[n];
        var source = memory.Source;
        var probe = source.ReadsForwardPass() ? new AttentionProbe(source) : null;
        cache.Probe = probe;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var ids = tensor(ToLong(tokens), device: model.Device).view(1, n);
            Tensor logits;
            try { logits = model.forward(ids, cache)[0]; }
            finally { cache.Probe = null; }
            var logProbs = nn.functional.log_softmax(logits, -1); // (n, vocab)
            if (n > 1)
            {
                var next = logProbs.narrow(0, 0, n - 1).gather(1, ids[0].narrow(0, 1, n - 1).unsqueeze(1));
                next.neg().cpu().data<float>().CopyTo(surprisal.AsSpan(1));
            }
            surprisal[0] = lastLogProbs is not null
                ? -lastLogProbs[tokens[0]]
                : FirstTokenScore(surprisal);
            lastLogProbs = logProbs[n - 1].cpu().data<float>().ToArray();
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

    /// <summary>ln p(first token of each candidate | the stream so far), read off the last prefill's logits.</summary>
    public double[] ScoreCandidates(IReadOnlyList<int> firstTokens)
    {
        if (lastLogProbs is null) throw new InvalidOperationException("score candidates after prefilling at least one chunk");
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
        if (lastLogProbs is null) throw new InvalidOperationException("score candidates after prefilling at least one chunk");
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
        if (cache.Length != memory.Count)
            throw new InvalidDataException($"the saved cache holds {cache.Length} slots but its memory {memory.Count}");
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
