using SirArena.Arena.Statistics;
using SirArena.Simulation.Games.Grocery;

namespace SirArena.Arena.Tests.Statistics;

public class GroceryRecallTests
{
    private static readonly Lazy<IReadOnlyList<MatchOutcome>> Outcomes =
        new(() => SimulatedArena.PlayAll(["frequency", "random"], ["grocery-distances"], seed: 6, rounds: 3000));

    [Fact]
    public void Recall_bins_group_every_recall_by_its_distance()
    {
        var bins = GroceryRecall.ByDistance(Outcomes.Value, binWidth: 10);

        var recalls = Outcomes.Value[0].Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall).ToArray();
        var frequency = bins.Where(b => b.Agent == "frequency").ToArray();
        frequency.Select(b => b.From).Should().BeInAscendingOrder().And.OnlyContain(from => from % 10 == 0);
        frequency.Should().OnlyContain(b => b.To == b.From + 9);
        foreach (var bin in frequency)
            bin.Correct.Trials.Should().Be(recalls.Count(r => r.Distance >= bin.From && r.Distance <= bin.To));
        frequency.Sum(b => b.Correct.Trials).Should().Be(recalls.Length);
        frequency.Min(b => b.From).Should().Be(0, "2 is the shortest distance");
        frequency.Max(b => b.From).Should().Be(40, "40 is the longest");
        frequency.Should().OnlyContain(b => b.Correct.Successes == b.Correct.Trials, "the counter never forgets");
    }

    [Fact]
    public void Scores_give_recall_and_unrelated_accuracy_per_agent()
    {
        var scores = GroceryRecall.Scores(Outcomes.Value);

        scores.Select(s => s.Agent).Should().Equal("frequency", "random");
        var rounds = Outcomes.Value[1].Rounds.OfType<GroceryRoundResult>().ToArray();
        var random = scores[1];
        random.Recall.Trials.Should().Be(rounds.Count(r => r.Kind == GroceryTurnKind.Recall));
        random.Unrelated.Trials.Should().Be(rounds.Count(r => r.Kind == GroceryTurnKind.Unrelated));
        random.Recall.Value.Should().BeApproximately(0.25, 0.15, "a guess among four");
        scores[0].Recall.Value.Should().Be(1);
    }

    [Fact]
    public void Recall_by_window_splits_the_same_recalls_for_every_agent()
    {
        var recalls = Outcomes.Value[0].Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall).ToArray();
        // A stand-in for the reference's memory: it held the requests of the recalls at distances under 20.
        IReadOnlyDictionary<long, bool> held = recalls.ToDictionary(r => r.Turn.Round, r => r.Distance < 20);

        var rows = GroceryRecall.ByWindow(Outcomes.Value, new Dictionary<(string, ulong), IReadOnlyDictionary<long, bool>>
        {
            [("grocery-distances", 6)] = held,
        });

        rows.Select(r => r.Agent).Should().Equal("frequency", "random");
        foreach (var row in rows)
        {
            row.InWindow.Trials.Should().Be(recalls.Count(r => r.Distance < 20));
            row.Beyond.Trials.Should().Be(recalls.Count(r => r.Distance >= 20));
        }
        rows[0].InWindow.Successes.Should().Be(rows[0].InWindow.Trials, "the counter never forgets");
        rows[0].Beyond.Successes.Should().Be(rows[0].Beyond.Trials);
        var random = Outcomes.Value[1].Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall).ToArray();
        rows[1].Beyond.Successes.Should().Be(random.Count(r => r.Distance >= 20 && r.IsCorrect));
    }

    [Fact]
    public void The_window_edge_lies_between_the_longest_distance_still_held_and_the_shortest_lost()
    {
        var recalls = Outcomes.Value[0].Rounds.OfType<GroceryRoundResult>().Where(r => r.Kind == GroceryTurnKind.Recall).ToArray();
        IReadOnlyDictionary<long, bool> sharp = recalls.ToDictionary(r => r.Turn.Round, r => r.Distance < 20);
        // Held by turn of the round rather than by distance: the held and lost distances overlap.
        IReadOnlyDictionary<long, bool> ragged = recalls.ToDictionary(r => r.Turn.Round, r => r.Turn.Round % 2 == 0);
        Dictionary<(string, ulong), IReadOnlyDictionary<long, bool>> Of(IReadOnlyDictionary<long, bool> held) => new() { [("grocery-distances", 6)] = held };

        GroceryRecall.Edge(Outcomes.Value, Of(sharp)).Should().Be(new WindowEdge(
            recalls.Where(r => r.Distance < 20).Max(r => r.Distance), recalls.Where(r => r.Distance >= 20).Min(r => r.Distance)));
        var edge = GroceryRecall.Edge(Outcomes.Value, Of(ragged))!;
        edge.Should().Be(new WindowEdge(
            recalls.Where(r => r.Turn.Round % 2 == 0).Max(r => r.Distance), recalls.Where(r => r.Turn.Round % 2 != 0).Min(r => r.Distance)));
        edge.ShortestLost.Should().BeLessThan(edge.LongestHeld!.Value);
        GroceryRecall.Edge(Outcomes.Value, Of(recalls.ToDictionary(r => r.Turn.Round, _ => false)))
            .Should().Be(new WindowEdge(null, recalls.Min(r => r.Distance)), "nothing held leaves only the shortest lost distance");
        GroceryRecall.Edge(Outcomes.Value, new Dictionary<(string, ulong), IReadOnlyDictionary<long, bool>>()).Should().BeNull();
    }

    [Fact]
    public void Recall_by_window_is_empty_without_the_references_memory()
    {
        GroceryRecall.ByWindow(Outcomes.Value, new Dictionary<(string, ulong), IReadOnlyDictionary<long, bool>>()).Should().BeEmpty();
    }

    [Fact]
    public void Rock_paper_scissors_matches_are_not_grocery()
    {
        GroceryRecall.Scores([SimulatedArena.Play("oracle", "rock-biased", 1, 50)]).Should().BeEmpty();
    }
}
