using SirArena.Training.Corpus;

namespace SirArena.Training.Learning;

/// <summary>
/// How much a position weighs in its part of the loss against an ordinary one (weight 1). Recalls are one answer in
/// fifty of the corpus, and rule answers (a sequence player's next move) about one in fifteen of a sequence corpus,
/// yet reading a request back and following a visible rule are skills of their own that the many counting answers
/// would otherwise drown. In the text, the opponent's reported move is one token of a round's forty-odd; predicting
/// it is what both counting and a rule come down to.
/// </summary>
/// <param name="Recall">a grocery recall answer's weight in the answer loss</param>
/// <param name="Rule">the weight of an answer that follows a visible rule (<see cref="AnswerTarget.FollowsRule"/>)</param>
/// <param name="Move">the weight of the opponent's reported move in the text loss (<see cref="TrainingWindow.OpponentMoves"/>)</param>
public sealed record LossWeights(float Recall = 1f, float Rule = 1f, float Move = 1f)
{
    public static LossWeights Even { get; } = new();

    public float Of(AnswerTarget answer) =>
        answer.Kind == RoundKind.GroceryRecall ? Recall : answer.FollowsRule ? Rule : 1f;
}
