using SirArena.Simulation.Agents;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Scenarios;
using SirArena.Simulation.Statistics;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Games;

public class GroceryScenarioTests
{
    [Fact]
    public void An_episode_is_a_request_twenty_questions_and_a_recall_whose_right_answer_is_the_item()
    {
        var results = Play("grocery", new OracleAgent(), 22 * 3);

        for (var episode = 0; episode < 3; episode++)
        {
            var rounds = results.Skip(episode * 22).Take(22).ToArray();
            rounds[0].Kind.Should().Be(GroceryTurnKind.Request);
            rounds[1..21].Should().OnlyContain(r => r.Kind == GroceryTurnKind.Unrelated);
            var recall = rounds[21];
            recall.Kind.Should().Be(GroceryTurnKind.Recall);
            recall.Turn.Options[recall.CorrectIndex].Should().Be(recall.Item);
            recall.Turn.Options.Should().HaveCount(4).And.OnlyHaveUniqueItems();
            recall.Distance.Should().Be(20);
            ((GroceryFacts)rounds[0].Turn.Facts).RequestedItem.Should().Be(recall.Item);
        }
    }

    [Fact]
    public void Turns_are_rendered_in_the_papers_words_and_the_request_is_answered_with_its_item()
    {
        var results = Play("grocery", new OracleAgent(), 22);
        var item = results[0].Item;

        results[0].Turn.Prompt.Should().Be($"USER: I want you to buy the GROCERY: [{item}].\nASSISTANT: ");
        results[0].Turn.Candidates.Should().Equal(item);
        results[0].Outcome.Should().Be(Outcome.Unscored);
        var o = results[21].Turn.Options;
        results[21].Turn.Prompt.Should().Be(
            $"\nUSER: Which one is the GROCERY that I want you to buy earlier? Choices: (A) {o[0]} (B) {o[1]} (C) {o[2]} (D) {o[3]}. You choose:\nASSISTANT: ");
        results[21].Turn.Candidates.Should().Equal(o);
        results[1].Turn.Candidates.Should().Equal("A", "B", "C", "D");
    }

    [Fact]
    public void The_right_answers_of_unrelated_questions_are_right()
    {
        var additions = Play("grocery", new OracleAgent(), 22 * 20)
            .Where(r => r.Kind == GroceryTurnKind.Unrelated && r.Turn.UserTurn.StartsWith("USER: What is ", StringComparison.Ordinal)
                && r.Turn.UserTurn.Contains('+'))
            .ToArray();

        additions.Should().NotBeEmpty();
        foreach (var r in additions)
        {
            var terms = r.Turn.UserTurn["USER: What is ".Length..r.Turn.UserTurn.IndexOf('?')].Split(" + ").Select(int.Parse).ToArray();
            r.Turn.Options[r.CorrectIndex].Should().Be((terms[0] + terms[1]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var capital = Play("grocery", new OracleAgent(), 22 * 20).First(r => r.Turn.UserTurn.Contains("capital of France", StringComparison.Ordinal));
        capital.Turn.Options[capital.CorrectIndex].Should().Be("Paris");
    }

    [Fact]
    public void Scores_recall_and_unrelated_accuracy_and_recall_by_distance()
    {
        var oracle = Tally("grocery-distances", new OracleAgent());
        var memory = Tally("grocery-distances", new FrequencyAgent());
        var random = Tally("grocery-distances", new RandomAgent(new StableRandom(2)));

        oracle.Recall.Value.Should().Be(1);
        oracle.Unrelated.Value.Should().Be(1);
        memory.Recall.Value.Should().Be(1, "the frequency agent remembers the last requested item");
        memory.Unrelated.Value.Should().BeApproximately(0.25, 0.05, "it always answers A, and the right option's place is random");
        random.Recall.Value.Should().BeApproximately(0.25, 0.07);
        oracle.RecallByDistance.Keys.Should().OnlyContain(d => d >= 2 && d <= 40).And.HaveCountGreaterThan(20);
    }

    [Fact]
    public void The_number_of_questions_between_is_configurable()
    {
        var definition = (GroceryScenarioDefinition)Shipped.Catalog.Get("grocery") with { Options = new GroceryOptions(2, 2) };
        var kinds = new Match(definition.Create(1), new OracleAgent()).Play(8).Cast<GroceryRoundResult>().Select(r => r.Kind);
        kinds.Should().Equal(
            GroceryTurnKind.Request, GroceryTurnKind.Unrelated, GroceryTurnKind.Unrelated, GroceryTurnKind.Recall,
            GroceryTurnKind.Request, GroceryTurnKind.Unrelated, GroceryTurnKind.Unrelated, GroceryTurnKind.Recall);
    }

    [Fact]
    public void All_agents_face_the_same_questions_for_one_seed()
    {
        Play("grocery", new OracleAgent(), 200).Select(r => r.Turn.Prompt)
            .Should().Equal(Play("grocery", new RandomAgent(new StableRandom(1)), 200).Select(r => r.Turn.Prompt));
    }

    private static GroceryRoundResult[] Play(string name, IAgent agent, int rounds) =>
        new Match(Shipped.Catalog.Create(name, 12), agent).Play(rounds).Cast<GroceryRoundResult>().ToArray();

    private static GroceryTally Tally(string name, IAgent agent)
    {
        var tally = new GroceryTally();
        foreach (var r in Play(name, agent, 20_000)) tally.Add(r);
        return tally;
    }
}
