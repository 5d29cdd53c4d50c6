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
        frequency.Min(b => b.From).Should().Be(0, "5 is the shortest distance");
        frequency.Max(b => b.From).Should().Be(60, "60 is the longest");
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
    public void Rock_paper_scissors_matches_are_not_grocery()
    {
        GroceryRecall.Scores([SimulatedArena.Play("oracle", "rock-biased", 1, 50)]).Should().BeEmpty();
    }
}
