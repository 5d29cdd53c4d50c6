using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

/// <summary>Endless matches roll their replay into a chain of files that reads back as one stream.</summary>
public class ReplayChainTests : IClassFixture<RecordedLlmMatch>
{
    readonly RecordedLlmMatch recorded;

    public ReplayChainTests(RecordedLlmMatch recorded) => this.recorded = recorded;

    string RecordRolling(string name, int roundsPerFile)
    {
        var first = recorded.Folder.File(name);
        using var match = recorded.Factory.Create(recorded.Spec);
        using (var recorder = new RollingReplayRecorder(first, recorded.Spec, match, recorded.Factory, roundsPerFile))
            foreach (var result in match.Play(RecordedLlmMatch.Rounds)) recorder.Record(result);
        return first;
    }

    [Fact]
    public void A_rolled_match_is_a_linked_chain_that_reads_back_like_one_file()
    {
        var first = RecordRolling("rolled.jsonl", roundsPerFile: 8);

        var chain = ReplayChain.Open(RollingReplayRecorder.PartPath(first, 2));
        chain.Files.Select(Path.GetFileName).Should().Equal("rolled.jsonl", "rolled.part2.jsonl", "rolled.part3.jsonl");
        using (var third = ReplayReader.Open(chain.Files[2]))
        {
            third.Header.Previous.Should().Be("rolled.part2.jsonl");
            third.Header.FirstRound.Should().Be(16);
        }
        chain.ReadRounds().Select(r => r.Round).Should().Equal(Enumerable.Range(0, RecordedLlmMatch.Rounds).Select(i => (long)i));

        var summary = ReplaySummary.Read(chain.Files[^1]);
        summary.Rounds.Should().Be(RecordedLlmMatch.Rounds);
        summary.Files.Should().Be(3);
        var whole = ReplayRoundView.Read(recorded.File, 18);
        var rolled = ReplayRoundView.Read(chain.Files[1], 18);
        rolled.Retained.Should().Equal(whole.Retained, "the memory rebuilt across files is the one rebuilt from a single file");
        new ReplayVerifier(recorded.Factory).Verify(chain.Files[2]).Reproduced.Should().BeTrue();
    }

    [Fact]
    public void A_chain_opened_at_a_later_part_whose_previous_is_missing_is_refused_naming_it()
    {
        var first = RecordRolling("broken.jsonl", roundsPerFile: 8);
        File.Delete(RollingReplayRecorder.PartPath(first, 2));

        var open = () => ReplayChain.Open(RollingReplayRecorder.PartPath(first, 3));

        open.Should().Throw<ReplayFormatException>().WithMessage("*broken.part3.jsonl, line 1: it continues broken.part2.jsonl, which is missing*");
    }
}
