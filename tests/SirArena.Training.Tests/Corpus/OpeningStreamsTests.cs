using SirArena.Simulation.Randomness;
using SirArena.Training.Corpus;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Corpus;

public class OpeningStreamsTests
{
    [Fact]
    public void An_opening_starts_with_a_request_and_recalls_after_at_most_three_questions()
    {
        var rounds = new ScenarioStreams(Shipped.Grocery).Grocery(60, new StableRandom(5), opening: true);

        rounds[0].Kind.Should().Be(RoundKind.GroceryRequest);
        var questionsBeforeEachRecall = new List<int>();
        int questions = 0;
        foreach (var round in rounds)
        {
            if (round.Kind == RoundKind.GroceryRequest) questions = 0;
            else if (round.Kind == RoundKind.GroceryQuestion) questions++;
            else questionsBeforeEachRecall.Add(questions);
        }
        questionsBeforeEachRecall.Should().HaveCountGreaterThan(5).And.OnlyContain(q => q <= 3);
        questionsBeforeEachRecall.Should().Contain(0, "a recall may follow its request at once");
    }

    [Fact]
    public void Opening_windows_are_whole_short_contexts_that_train_recalls()
    {
        var generator = new CorpusGenerator(new ChunkEncoder(Shipped.Tokenizer), Shipped.Grocery, new CorpusOptions { OpeningShare = 1 });

        var windows = generator.Generate(seed: 2, "test", 60);

        // Full memory holds a match from its first round, so every window opens with the first request.
        var matchStart = Shipped.Tokenizer.Encode("USER: I want you to buy the GROCERY: [");
        windows.Should().OnlyContain(w => w.Policy == TrainingWindow.Opening && w.Ids.Take(matchStart.Length).SequenceEqual(matchStart));
        windows.SelectMany(w => w.Answers).Should().Contain(a => a.Kind == RoundKind.GroceryRecall);
        windows.SelectMany(w => w.Answers).Should().NotContain(a => a.Kind == RoundKind.Rps);
    }
}
