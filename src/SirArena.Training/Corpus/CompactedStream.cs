using SirArena.Llm.Memory;

namespace SirArena.Training.Corpus;

/// <summary>
/// What a memory policy leaves of a token stream, computed by the engine's own <see cref="RetainedMemory"/> but
/// without a model: before each chunk the memory makes room for chunk + reserve (the agent reserves room for the
/// answer when it appends a prompt), the chunk is appended at its scores, and every round ends with the memory's
/// decay. The scores are the generator's synthetic surprisals instead of a model's; the tokens themselves (with their
/// roles) follow the memory's kept slots.
/// </summary>
public sealed class CompactedStream(IMemoryPolicy policy)
{
    readonly RetainedMemory memory = new(policy);
    readonly List<StreamToken> tokens = [];
    long nextStreamIndex;

    /// <summary>The tokens held now, in slot order, with their original (undecayed) scores.</summary>
    public IReadOnlyList<StreamToken> Tokens => tokens;

    /// <summary>Makes room for <paramref name="chunk"/> plus <paramref name="reserve"/> tokens, then appends the chunk.</summary>
    /// <exception cref="MemoryBudgetException">the policy cannot make room (Full memory past its length)</exception>
    public void Append(ReadOnlySpan<StreamToken> chunk, int reserve = 0)
    {
        MakeRoom(chunk.Length + reserve);
        var ids = new int[chunk.Length];
        var scores = new float[chunk.Length];
        for (int i = 0; i < chunk.Length; i++) (ids[i], scores[i]) = (chunk[i].Id, chunk[i].Score);
        memory.Append(ids, scores, nextStreamIndex);
        nextStreamIndex += chunk.Length;
        tokens.AddRange(chunk);
    }

    /// <summary>Evicts what the policy gives up so that <paramref name="incoming"/> tokens fit.</summary>
    public void MakeRoom(int incoming) => memory.MakeRoom(incoming).ApplyTo(tokens);

    /// <summary>Ends a round: the memory's decay (SirLLM's eta).</summary>
    public void EndRound() => memory.EndRound();
}
