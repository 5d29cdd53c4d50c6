using SirArena.Llm.Inference;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Inference;

public class StreamSessionTests
{
    [Fact]
    public void Surprisal_of_each_token_is_minus_log_softmax_of_a_full_forward_pass()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create();
        var tokens = TinyModels.Tokens(36);
        using var session = new StreamSession(model, new ScriptedPolicy(budget: 64));

        var surprisal = new List<float>();
        int at = 0;
        foreach (int size in new[] { 5, 1, 12, 18 })
        {
            surprisal.AddRange(session.Prefill(tokens.AsSpan(at, size)).Surprisal);
            at += size;
        }

        using var _ = no_grad();
        var logProbs = nn.functional.log_softmax(model.forward(TinyModels.Ids(tokens))[0], -1);
        for (int i = 1; i < tokens.Length; i++)
            surprisal[i].Should().BeApproximately(-logProbs[i - 1, tokens[i]].item<float>(), 1e-4f, $"token {i}");
        surprisal[0].Should().Be(surprisal.Skip(1).Take(4).Max(), "the stream's first token has no context and takes its chunk's maximum");
    }

    [Fact]
    public void Candidate_scores_from_one_prefill_pick_what_one_forward_pass_per_candidate_picks()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 4);
        var context = TinyModels.Tokens(25, seed: 9);
        int[][] candidates = [[10, 3], [11], [12, 40, 2]];
        using var session = new StreamSession(model, new ScriptedPolicy(budget: 64));
        session.Prefill(context);

        var scores = session.ScoreCandidates(candidates.Select(c => c[0]).ToArray());

        using var _ = no_grad();
        var separate = candidates.Select(c =>
        {
            var logits = model.forward(TinyModels.Ids([.. context, .. c]))[0];
            return (double)nn.functional.log_softmax(logits[context.Length - 1], -1)[c[0]].item<float>();
        }).ToArray();
        scores.Should().Equal(separate, (a, b) => Math.Abs(a - b) < 1e-4);
        Array.IndexOf(scores, scores.Max()).Should().Be(Array.IndexOf(separate, separate.Max()));
    }

    [Fact]
    public void Whole_candidates_score_as_one_forward_pass_each_and_leave_the_stream_as_it_was()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(seed: 4);
        var context = TinyModels.Tokens(25, seed: 9);
        int[][] candidates = [[10, 3], [10, 7, 2], [12]];
        using var session = new StreamSession(model, new ScriptedPolicy(budget: 64));
        using var twin = new StreamSession(model, new ScriptedPolicy(budget: 64));
        session.Prefill(context, reserve: 3);
        twin.Prefill(context, reserve: 3);

        var scores = session.ScoreSequences(candidates);

        using (no_grad())
        {
            var separate = candidates.Select(c =>
            {
                var logProbs = nn.functional.log_softmax(model.forward(TinyModels.Ids([.. context, .. c]))[0], -1);
                return c.Select((id, j) => (double)logProbs[context.Length - 1 + j][id].item<float>()).Sum();
            }).ToArray();
            scores.Should().Equal(separate, (a, b) => Math.Abs(a - b) < 1e-4);
        }
        scores[0].Should().NotBe(scores[1], "the first token is shared; the rest must tell them apart");
        session.CachedTokens.Should().Be(twin.CachedTokens);
        session.Prefill(candidates[1]).Surprisal.Should().Equal(twin.Prefill(candidates[1]).Surprisal, "the cache and the last logits are as they were");
        session.Retained().Should().Equal(twin.Retained());
    }

    [Fact]
    public void Candidates_that_share_a_first_token_are_refused()
    {
        using var model = TinyModels.Create();
        using var session = new StreamSession(model, new ScriptedPolicy(budget: 16));
        session.Prefill([1, 2, 3]);
        var act = () => session.ScoreCandidates([5, 5]);
        act.Should().Throw<ArgumentException>().WithMessage("*distinct*");
    }

    [Fact]
    public void Retained_tokens_report_stream_index_id_and_decayed_score_and_evictions_are_reported()
    {
        using var model = TinyModels.Create();
        var policy = new ScriptedPolicy(budget: 16, eta: 0.5f);
        using var session = new StreamSession(model, policy);
        var first = session.Prefill([5, 6, 7, 8, 9, 10]);
        session.EndRound();
        policy.NextKeep = [0, 2, 5];
        var second = session.Prefill([11, 12]);

        second.Evicted.Select(t => t.TokenId).Should().Equal(6, 8, 9);
        second.Evicted[0].Score.Should().BeApproximately(first.Surprisal[1] * 0.5f, 1e-6f);
        var retained = session.Retained();
        retained.Select(t => t.TokenId).Should().Equal(5, 7, 10, 11, 12);
        retained.Select(t => t.StreamIndex).Should().Equal(0, 2, 5, 6, 7);
        retained.Select(t => t.Slot).Should().Equal(0, 1, 2, 3, 4);
        retained[1].Score.Should().BeApproximately(first.Surprisal[2] * 0.5f, 1e-6f, "one round of decay at eta 0.5");
        retained[3].Score.Should().Be(second.Surprisal[0], "new tokens enter with their raw surprisal");
        session.CachedTokens.Should().Be(5);
        session.TokensSeen.Should().Be(8);
    }
}
