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

    [Fact]
    public void A_window_marks_every_reported_opponent_move_and_nothing_else()
    {
        var windows = Windows(RpsPlayers.Counting);
        var tokenizer = Shipped.Tokenizer;

        foreach (var window in windows.Take(50))
        {
            var texts = window.Ids.Select(id => tokenizer.TokenText(id)).ToArray();
            bool IsMove(int p) => texts[p].Trim() is "rock" or "paper" or "scissors";
            // After the prefix every round's text is whole: a move word there is either the opponent's report,
            // right after "I chose [", or one of the options the prompt lists, after ") ".
            var reported = Enumerable.Range(window.PrefixLength, texts.Length - window.PrefixLength)
                .Where(p => IsMove(p) && texts[p - 1].EndsWith('[')).ToArray();
            reported.Should().NotBeEmpty();
            window.OpponentMoves.Should().NotBeNull();
            window.OpponentMoves!.Where(p => p >= window.PrefixLength).Should().Equal(reported);
            window.OpponentMoves!.Where(p => !IsMove(p)).Should().BeEmpty("every marked position holds a move word");
        }
    }
}
