using SirArena.Llm.Inference;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Inference;

/// <summary>A model whose activations go NaN stops the stream with its own exception instead of choosing at random.</summary>
public class NonFiniteScoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scoring_candidates_with_a_NaN_model_throws_NonFiniteScoreException(bool wholeSequences)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create();
        using (no_grad()) model.state_dict()["model.norm.weight"].fill_(TorchScalars.Of(double.NaN));
        using var session = new StreamSession(model, new ScriptedPolicy(budget: 64));
        session.Prefill(TinyModels.Tokens(10), reserve: 2);

        Action score = wholeSequences
            ? () => session.ScoreSequences([[10, 3], [10, 4]])
            : () => session.ScoreCandidates([10, 11]);

        score.Should().Throw<NonFiniteScoreException>().WithMessage("*NaN*after 10 tokens*");
    }

    [Fact]
    public void A_healthy_model_scores_without_complaint()
    {
        using var scope = NewDisposeScope();
        using var session = new StreamSession(TinyModels.Create(), new ScriptedPolicy(budget: 64));
        session.Prefill(TinyModels.Tokens(10));

        session.ScoreCandidates([10, 11]).Should().OnlyContain(s => s <= 0);
    }
}
