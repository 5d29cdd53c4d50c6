using SirArena.Llm.Cache;
using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Agents;

/// <summary>
/// A Simulation agent backed by a language model with one endless, budget-held cache. Each round it appends the
/// turn's prompt in the model's <see cref="ChatFormat"/> (reserving room for the longest answer, as the reference reserves max_gen_len), scores every
/// candidate by ln p(its <see cref="DistinguishingPrefixes"/> | context), which is its first token off that one prefill
/// unless two candidates share a first token (as words a tokenizer splits can), appends the best candidate's tokens,
/// and ends the round (SirLLM's decay). It never reads <see cref="Turn.Truth"/>. <see cref="LastTrace"/> tells the replay
/// recorder what the round did to memory.
/// </summary>
public sealed class LlmAgent : IMemoryAgent, IResumable, IDisposable
{
    readonly LanguageModel model;
    readonly ChatFormat format;
    readonly Dictionary<string, int[]> candidateTokens = new();

    public string Name { get; }
    public LlmRoundTrace? LastTrace { get; private set; }
    public int CachedTokens => Session.CachedTokens;
    public int Budget => Session.Policy.Budget;
    public float Eta => Session.Policy.DecayRatio;
    public ScoreSource Scores => Session.Policy.Scores;
    public bool DefersAnswers => Session.DefersAnswers;

    /// <summary>The agent's whole memory; the arena reads it through <see cref="IMemoryAgent"/>, tests look inside.</summary>
    internal StreamSession Session { get; }

    public bool ScoresPrefixes { get; }
    public KeyStorage Keys => Session.Keys;

    /// <param name="deferAnswers">false to run every answer through a forward pass of its own, as replays of versions 1
    /// and 2 are played</param>
    /// <param name="scoresPrefixes">false to score every candidate whole when two share a first token, as replays
    /// before version 6 are played</param>
    /// <param name="keys">how the memory's cache holds keys (<see cref="KeyStorage.Rotated"/> as replays before
    /// version 7 are played)</param>
    public LlmAgent(string name, LanguageModel model, IMemoryPolicy policy, ChatFormat? format = null, bool deferAnswers = true,
        bool scoresPrefixes = true, KeyStorage keys = KeyStorage.Unrotated)
    {
        Name = name;
        this.model = model;
        this.format = format ?? ChatFormat.Paper;
        ScoresPrefixes = scoresPrefixes;
        Session = new StreamSession(model.Decoder, policy, deferAnswers, keys);
    }

    public AgentChoice Choose(Turn turn)
    {
        var promptIds = model.Tokenizer.Encode(format.Prompt(turn));
        var answers = turn.Candidates.Select(Tokens).ToArray();
        var prompt = Session.Prefill(promptIds, reserve: answers.Max(a => a.Length));
        var firstTokens = answers.Select(a => a[0]).ToArray();
        AgentChoice choice;
        try
        {
            choice = AgentChoice.ArgMax(firstTokens.Distinct().Count() == firstTokens.Length
                ? Session.ScoreCandidates(firstTokens)
                : Session.ScoreSequences(ScoresPrefixes ? DistinguishingPrefixes.Of(answers) : answers));
        }
        catch (NonFiniteScoreException e)
        {
            throw new NonFiniteScoreException($"{model.Folder}: agent \"{Name}\": {e.Message}");
        }
        var answerIds = answers[choice.Index];
        var answer = Session.Answer(answerIds);
        Session.EndRound();
        LastTrace = new LlmRoundTrace(Trace(prompt, promptIds), Trace(answer, answerIds), Session.CachedTokens,
            Session.AdaptsDecay ? Session.LastEta : null,
            Scores.IsAttention() ? Session.Retained().Select(t => t.Score).ToArray() : null);
        return choice;
    }

    public void Observe(RoundResult result)
    {
        // The next turn's prompt carries everything the model is told; nothing to learn outside the context.
    }

    /// <summary>The session is the agent's whole memory; the candidates' token ids are derived and rebuilt on use.</summary>
    public void SaveState(BinaryWriter writer) => Session.SaveState(writer);

    public void RestoreState(BinaryReader reader) => Session.RestoreState(reader);

    int[] Tokens(string candidate)
    {
        if (candidateTokens.TryGetValue(candidate, out var ids)) return ids;
        ids = model.Tokenizer.Encode(candidate);
        if (ids.Length == 0) throw new ArgumentException($"the candidate answer \"{candidate}\" encodes to no tokens");
        return candidateTokens[candidate] = ids;
    }

    ChunkTrace Trace(ChunkResult chunk, int[] ids) => new(
        chunk.FirstStreamIndex,
        ids,
        ids.Select(model.Tokenizer.TokenText).ToArray(),
        chunk.Surprisal,
        chunk.Evicted.Select(t => t.StreamIndex).ToArray(),
        Scores.EntersAtSurprisal() || Scores.IsAttention() ? null : chunk.Scores);

    public void Dispose() => Session.Dispose();
}
