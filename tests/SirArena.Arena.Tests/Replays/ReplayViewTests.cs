using SirArena.Arena.Replays;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Tests.Replays;

[Collection(RecordedLlmMatchCollection.Name)]
public class ReplayViewTests(RecordedLlmMatch recorded)
{
    [Fact]
    public void A_round_view_shows_the_memory_after_the_round_its_evictions_and_the_candidates()
    {
        const int Round = 9;
        var view = ReplayRoundView.Read(recorded.File, Round);
        var live = recorded.LiveResults[Round];
        var trace = recorded.LiveTraces[Round];

        view.HasMemory.Should().BeTrue();
        view.Retained.Select(t => (t.StreamIndex, t.Score)).Should().Equal(recorded.LiveRetained[Round].Select(t => (t.StreamIndex, t.Score)));
        view.Evicted.Select(t => t.StreamIndex).Should().Equal(trace.Prompt.Evicted);
        view.RetainedText.Should().EndWith(live.Turn.Prompt[^10..] + live.Answer);
        view.UserTurn.Should().Be(live.Turn.UserTurn);
        view.Candidates.Select(c => c.Score).Should().Equal(live.Choice.Scores);
        view.Chosen.Index.Should().Be(live.Choice.Index);
        view.Outcome.Should().Be(live.Outcome);
    }

    [Fact]
    public void A_round_beyond_the_replay_says_which_rounds_it_holds()
    {
        var read = () => ReplayRoundView.Read(recorded.File, 500);

        read.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*holds rounds 0 to {RecordedLlmMatch.Rounds - 1}; round 500*");
    }

    [Fact]
    public void The_summary_names_the_agent_and_gives_the_rates_the_match_had()
    {
        var tally = new MatchTally();
        foreach (var result in recorded.LiveResults) tally.Add(result.Outcome);

        var summary = ReplaySummary.Read(recorded.File);

        summary.Rounds.Should().Be(RecordedLlmMatch.Rounds);
        summary.Tally.WinRate.Should().Be(tally.WinRate);
        summary.Tally.LossRate.Should().Be(tally.LossRate);
        summary.Grocery.Should().BeNull();
        summary.Lines().Should().Contain(l => l.Contains("rock-biased, seed 11"))
            .And.Contain(l => l.Contains("sir-160: policy sir, budget 160, start 4, eta 0.9"))
            .And.Contain(l => l.StartsWith("win") && l.Contains(tally.WinRate.ToString()));
    }

    [Fact]
    public void The_summary_of_a_cut_off_replay_says_so()
    {
        var file = recorded.Folder.File("cut.jsonl");
        var bytes = File.ReadAllBytes(recorded.File);
        File.WriteAllBytes(file, bytes[..^40]);

        var summary = ReplaySummary.Read(file);

        summary.Rounds.Should().Be(RecordedLlmMatch.Rounds - 1);
        summary.Lines()[0].Should().Contain($"cut off at line {RecordedLlmMatch.Rounds + 1}");
    }

    [Fact]
    public void A_grocery_summary_gives_recall()
    {
        using var factory = BaselineFactory.Create();
        var file = recorded.Folder.File("grocery-summary.jsonl");
        ReplayFolder.Record(factory, BaselineFactory.Oracle("grocery"), file, 66);

        var summary = ReplaySummary.Read(file);

        summary.Grocery.Should().NotBeNull();
        summary.Grocery!.Recall.Trials.Should().BeGreaterThan(0);
        summary.Lines().Should().Contain(l => l.StartsWith("recall"));
    }
}
