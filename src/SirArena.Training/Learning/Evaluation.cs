using System.Text.Json.Serialization;
using SirArena.Llm.Model;
using SirArena.Training.Corpus;
using static TorchSharp.torch;

namespace SirArena.Training.Learning;

/// <summary>Held-out results: mean losses and how often the best-scored candidate is the evidence target.</summary>
/// <param name="Accuracy">Correct / total answers over every kind and policy.</param>
/// <param name="ByGroup">Correct and total answers per group: "rps full", "rps streaming", "rps sir", "rps rule full", "rps rule streaming" (answers a visible rule predicts), "recall opening", "recall full", "recall streaming", "recall sir", "question", "request".</param>
public sealed record EvaluationResult(double AnswerLoss, double TextLoss, double Accuracy,
    // Tuples have no properties for System.Text.Json to write: summary.json lists the groups under "evaluation" instead.
    [property: JsonIgnore] IReadOnlyDictionary<string, (int Correct, int Total)> ByGroup)
{
    public double AccuracyOf(string group) => ByGroup.TryGetValue(group, out var g) && g.Total > 0 ? (double)g.Correct / g.Total : double.NaN;

    public string Describe() => $"answer loss {AnswerLoss:F3}, text loss {TextLoss:F3}, accuracy {Accuracy:P1} (" +
        string.Join(", ", ByGroup.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {(double)g.Value.Correct / Math.Max(1, g.Value.Total):P0} of {g.Value.Total}")) + ")";
}

/// <summary>
/// Scores held-out windows without gradients. Accuracy is judged as the agent chooses: among the first tokens of the
/// turn's candidates only, the highest logit wins (earliest candidate on ties, as AgentChoice.ArgMax does). A turn
/// with a single candidate (the request, answered with its item) is judged over the whole vocabulary instead, so its
/// accuracy says whether the model writes the item back, not that one option was chosen from one.
/// </summary>
public static class Evaluation
{
    public static EvaluationResult Run(LlamaForCausalLM model, IReadOnlyList<TrainingWindow> windows, int batchSize)
    {
        bool wasTraining = model.training;
        model.eval();
        double answerSum = 0, textSum = 0, answerCount = 0, textCount = 0;
        var groups = new Dictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
        try
        {
            for (int first = 0; first < windows.Count; first += batchSize)
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                using var batch = new TrainingBatch(windows.Skip(first).Take(batchSize).ToArray(), device: model.Device);
                var logits = model.forward(batch.Ids);                                  // (B, T, vocab)
                var perToken = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), batch.Targets.reshape(-1),
                    reduction: nn.Reduction.None).view_as(batch.Targets);
                answerSum += (perToken * batch.AnswerMask).sum().item<float>();
                textSum += (perToken * batch.TextMask).sum().item<float>();
                answerCount += batch.AnswerMask.sum().item<float>();
                textCount += batch.TextMask.sum().item<float>();
                for (int b = 0; b < batch.Windows.Count; b++)
                    foreach (var answer in batch.Windows[b].Answers)
                        Tally(groups, Group(answer, batch.Windows[b]), Chosen(logits[b, answer.Position], answer) == answer.TargetId);
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        int correct = groups.Values.Sum(g => g.Correct), total = groups.Values.Sum(g => g.Total);
        return new EvaluationResult(answerSum / Math.Max(1, answerCount), textSum / Math.Max(1, textCount),
            (double)correct / Math.Max(1, total), groups);
    }

    static int Chosen(Tensor logits, AnswerTarget answer)
    {
        if (answer.CandidateIds.Length == 1) return (int)logits.argmax().item<long>();
        var scores = logits.index_select(0, tensor(answer.CandidateIds.Select(id => (long)id).ToArray(), device: logits.device)).cpu().data<float>().ToArray();
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
            if (scores[i] > scores[best]) best = i;
        return answer.CandidateIds[best];
    }

    static string Group(AnswerTarget answer, TrainingWindow window) => answer.Kind switch
    {
        RoundKind.Rps => (answer.FollowsRule ? "rps rule " : "rps ") + window.PolicyFamily,
        RoundKind.GroceryRecall => "recall " + window.PolicyFamily,
        RoundKind.GroceryQuestion => "question",
        _ => "request",
    };

    static void Tally(Dictionary<string, (int Correct, int Total)> groups, string group, bool correct)
    {
        var (c, t) = groups.GetValueOrDefault(group);
        groups[group] = (c + (correct ? 1 : 0), t + 1);
    }
}
