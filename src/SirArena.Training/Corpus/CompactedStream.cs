using SirArena.Llm.Memory;

namespace SirArena.Training.Corpus;

/// <summary>
/// What a memory policy leaves of a token stream, computed the way the engine's StreamSession computes it but
/// without a model: before each chunk the policy picks the slots to keep for chunk + reserve (the agent reserves
/// room for the answer when it appends a prompt), the kept tokens close up in slot order, the chunk is appended
/// with its scores, and at the end of every round all stored scores are multiplied by eta. The scores are the
/// generator's synthetic surprisals instead of a model's.
/// </summary>
public sealed class CompactedStream(IMemoryPolicy policy)
{
    readonly List<StreamToken> tokens = [];
    readonly List<float> scores = [];

    public IMemoryPolicy Policy => policy;

    /// <summary>The tokens held now, in slot order, with their original (undecayed) scores.</summary>
    public IReadOnlyList<StreamToken> Tokens => tokens;

    /// <summary>The decayed scores the policy ranks, one per held token.</summary>
    public IReadOnlyList<float> Scores => scores;

    public int Count => tokens.Count;

    /// <summary>Makes room for <paramref name="chunk"/> plus <paramref name="reserve"/> tokens, then appends the chunk.</summary>
    /// <exception cref="MemoryBudgetException">the policy cannot make room (Full memory past its length)</exception>
    public void Append(ReadOnlySpan<StreamToken> chunk, int reserve = 0)
    {
        MakeRoom(chunk.Length + reserve);
        foreach (var token in chunk)
        {
            tokens.Add(token);
            scores.Add(token.Score);
        }
    }

    /// <summary>Evicts what the policy gives up so that <paramref name="incoming"/> tokens fit.</summary>
    public void MakeRoom(int incoming)
    {
        var keep = policy.SelectKept(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scores), incoming);
        if (keep.Length == tokens.Count) return;
        for (int i = 0; i < keep.Length; i++)
        {
            tokens[i] = tokens[keep[i]];
            scores[i] = scores[keep[i]];
        }
        tokens.RemoveRange(keep.Length, tokens.Count - keep.Length);
        scores.RemoveRange(keep.Length, scores.Count - keep.Length);
    }

    /// <summary>SirLLM's decay, once per round: every stored score times eta.</summary>
    public void EndRound()
    {
        float eta = policy.DecayRatio;
        if (eta == 1f) return;
        for (int i = 0; i < scores.Count; i++) scores[i] *= eta;
    }
}
