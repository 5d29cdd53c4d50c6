using SirArena.Training.Corpus;
using SirArena.Training.Tests.Support;

namespace SirArena.Training.Tests.Corpus;

public class SequenceCorpusTests
{
    static List<TrainingWindow> Windows(RpsPlayers players) =>
        new CorpusGenerator(new ChunkEncoder(Shipped.Tokenizer), Shipped.Grocery,
                new CorpusOptions { Players = players, SequenceShare = 1, GroceryShare = 0, OpeningShare = 0, MaxRpsRounds = 300 })
            .Generate(seed: 3, "test", 600);

    [Fact]
    public void Rule_targets_are_trained_on_whole_text_memories_only()
    {
        var windows = Windows(RpsPlayers.Sequences);

        windows.Should().Contain(w => w.PolicyFamily == "sir", "the paper's family thins more than half the streams");
        var ruled = windows.Where(w => w.Answers.Any(a => a.FollowsRule)).ToList();
        ruled.Should().NotBeEmpty("sequence players show their rule on full and StreamingLLM memories");
        ruled.Select(w => w.PolicyFamily).Distinct().Should().BeSubsetOf(["full", "streaming"]);
    }

    [Fact]
    public void The_counting_corpus_trains_no_rule_targets()
    {
        Windows(RpsPlayers.Counting).SelectMany(w => w.Answers).Should().NotContain(a => a.FollowsRule);
    }
}
