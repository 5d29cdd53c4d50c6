using SirArena.Training.Corpus;

namespace SirArena.Training.Learning;

/// <summary>
/// How much an answer weighs in the answer loss against an ordinary one (weight 1). Recalls are one answer in fifty
/// of the corpus, and rule answers (a sequence player's next move) about one in fifteen of a sequence corpus, yet
/// reading a request back and following a visible rule are skills of their own that the many counting answers
/// would otherwise drown.
/// </summary>
/// <param name="Recall">a grocery recall answer's weight</param>
/// <param name="Rule">the weight of an answer that follows a visible rule (<see cref="AnswerTarget.FollowsRule"/>)</param>
public sealed record AnswerWeights(float Recall = 1f, float Rule = 1f)
{
    public static AnswerWeights Even { get; } = new();

    public float Of(AnswerTarget answer) =>
        answer.Kind == RoundKind.GroceryRecall ? Recall : answer.FollowsRule ? Rule : 1f;
}
