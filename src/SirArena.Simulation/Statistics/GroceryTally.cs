using SirArena.Simulation.Games.Grocery;

namespace SirArena.Simulation.Statistics;

/// <summary>
/// The grocery task's scores: recall accuracy, accuracy on the unrelated questions, and recall accuracy by the
/// distance (unrelated questions) between request and recall.
/// </summary>
public sealed class GroceryTally
{
    private readonly SortedDictionary<int, (long Right, long Asked)> _recallByDistance = new();
    private long _recallRight, _recallAsked, _unrelatedRight, _unrelatedAsked;

    public Proportion Recall => new(_recallRight, _recallAsked);
    public Proportion Unrelated => new(_unrelatedRight, _unrelatedAsked);

    /// <summary>Recall accuracy per distance, shortest first.</summary>
    public IReadOnlyDictionary<int, Proportion> RecallByDistance =>
        _recallByDistance.ToDictionary(pair => pair.Key, pair => new Proportion(pair.Value.Right, pair.Value.Asked));

    public void Add(GroceryRoundResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var right = result.IsCorrect ? 1 : 0;
        switch (result.Kind)
        {
            case GroceryTurnKind.Recall:
                _recallRight += right;
                _recallAsked++;
                var (r, a) = _recallByDistance.GetValueOrDefault(result.Distance);
                _recallByDistance[result.Distance] = (r + right, a + 1);
                break;
            case GroceryTurnKind.Unrelated:
                _unrelatedRight += right;
                _unrelatedAsked++;
                break;
        }
    }
}
