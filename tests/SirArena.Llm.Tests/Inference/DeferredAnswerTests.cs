using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Inference;

/// <summary>
/// A one-token answer enters the memory at once and reaches the cache at the head of the next chunk: the stream must
/// read as if the answer and the next prompt had been one chunk, and an answer the memory evicts first is never run.
/// </summary>
public class DeferredAnswerTests
{
    static readonly int[] Context = TinyModels.Tokens(20, seed: 3);
    static readonly int[] Prompt = TinyModels.Tokens(9, seed: 5);
    const int AnswerToken = 17;

    [Fact]
    public void A_deferred_answer_and_the_next_prompt_read_as_one_chunk()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 2);
        using var deferred = new StreamSession(model, new ScriptedPolicy(budget: 64));
        using var joined = new StreamSession(model, new ScriptedPolicy(budget: 64));
        deferred.Prefill(Context);
        joined.Prefill(Context);

        var answer = deferred.Answer([AnswerToken]);
        var prompt = deferred.Prefill(Prompt);
        var chunk = joined.Prefill([AnswerToken, .. Prompt]);

        answer.Surprisal.Should().Equal(chunk.Surprisal[0]);
        prompt.Surprisal.Should().Equal(chunk.Surprisal[1..]);
        deferred.Retained().Should().Equal(joined.Retained());
        deferred.ScoreCandidates([4, 5, 6]).Should().Equal(joined.ScoreCandidates([4, 5, 6]));
    }

    [Fact]
    public void An_answer_the_memory_evicts_before_the_next_chunk_is_never_run()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 2);
        var policy = new ScriptedPolicy(budget: 64);
        using var deferred = new StreamSession(model, policy);
        using var without = new StreamSession(model, new ScriptedPolicy(budget: 64));
        deferred.Prefill(Context);
        without.Prefill(Context);
        deferred.Answer([AnswerToken]);

        policy.NextKeep = Enumerable.Range(0, Context.Length).ToArray();
        var prompt = deferred.Prefill(Prompt);

        prompt.Evicted.Select(t => t.TokenId).Should().Equal(AnswerToken);
        prompt.Surprisal.Should().Equal(without.Prefill(Prompt).Surprisal, "the prompt saw no answer");
        deferred.Retained().Select(t => t.TokenId).Should().Equal([.. Context, .. Prompt]);
        deferred.ScoreCandidates([4, 5, 6]).Should().Equal(without.ScoreCandidates([4, 5, 6]));
    }

    [Fact]
    public void A_session_saved_with_an_answer_not_yet_run_continues_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 2);
        using var original = new StreamSession(model, new SirMemory(2, 30, 0, 0.9f));
        original.Prefill(Context);
        original.Answer([AnswerToken]);
        original.EndRound();
        using var saved = new MemoryStream();
        original.SaveState(new BinaryWriter(saved));

        using var restored = new StreamSession(model, new SirMemory(2, 30, 0, 0.9f));
        saved.Position = 0;
        restored.RestoreState(new BinaryReader(saved));

        restored.Prefill(Prompt).Should().BeEquivalentTo(original.Prefill(Prompt));
        restored.Retained().Should().Equal(original.Retained());
        restored.ScoreCandidates([4, 5, 6]).Should().Equal(original.ScoreCandidates([4, 5, 6]));
    }

    [Fact]
    public void Candidates_cannot_be_scored_between_a_deferred_answer_and_the_next_chunk()
    {
        using var scope = NewDisposeScope();
        using var session = new StreamSession(TinyModels.Create(seed: 2), new ScriptedPolicy(budget: 64));
        session.Prefill(Context);
        session.Answer([AnswerToken]);

        session.Invoking(s => s.ScoreCandidates([4, 5])).Should().Throw<InvalidOperationException>().WithMessage("*not after an answer*");
    }

    [Fact]
    public void A_longer_answer_or_one_a_policy_scores_by_its_forward_pass_is_run_at_once()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 2);
        using var longer = new StreamSession(model, new ScriptedPolicy(budget: 64));
        using var keyNorm = new StreamSession(model, new KeyNormMemory(new MemoryBudget(2, 30, 10)));
        longer.Prefill(Context);
        keyNorm.Prefill(Context);

        longer.Answer([AnswerToken, 3]);
        keyNorm.Answer([AnswerToken]);

        longer.Invoking(s => s.ScoreCandidates([4, 5])).Should().NotThrow("the two tokens were run");
        keyNorm.Invoking(s => s.ScoreCandidates([4, 5])).Should().NotThrow("a key norm needs the answer's key");
    }
}
