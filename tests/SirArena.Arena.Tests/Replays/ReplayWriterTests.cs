using System.Text.Json.Nodes;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

[Collection(RecordedLlmMatchCollection.Name)]
public class ReplayWriterTests(RecordedLlmMatch recorded)
{
    [Fact]
    public void The_same_seed_writes_the_same_replay_byte_for_byte_apart_from_the_creation_time()
    {
        var again = recorded.Folder.File("sir-again.jsonl");
        ReplayFolder.Record(recorded.Factory, recorded.Spec, again, RecordedLlmMatch.Rounds, createdUtc: new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));

        var first = File.ReadAllLines(recorded.File);
        var second = File.ReadAllLines(again);
        second.Should().HaveCount(RecordedLlmMatch.Rounds + 1);
        second.Skip(1).Should().Equal(first.Skip(1), "one seed gives one replay");
        WithoutCreationTime(second[0]).Should().Be(WithoutCreationTime(first[0]));
        first[0].Should().NotBe(second[0], "the creation times differ, so the comparison above ignored something real");
    }

    [Fact]
    public void A_replay_is_never_overwritten()
    {
        using var folder = new ReplayFolder();
        var file = folder.File("kept.jsonl");
        File.WriteAllText(file, "precious\n");
        var header = new ReplayHeader(BaselineFactory.Oracle(), null, 1f, DateTime.UtcNow);

        var create = () => ReplayWriter.Create(file, header);

        create.Should().Throw<IOException>().WithMessage($"*{file}*already exists*never overwritten*");
        File.ReadAllText(file).Should().Be("precious\n");
    }

    [Fact]
    public void Rounds_must_be_appended_in_order()
    {
        using var folder = new ReplayFolder();
        using var factory = BaselineFactory.Create();
        var match = factory.Create(BaselineFactory.Oracle());
        using var writer = ReplayWriter.Create(folder.File("r.jsonl"), ReplayHeader.For(BaselineFactory.Oracle(), match.Agent, null, DateTime.UtcNow));
        match.PlayRound();

        var skip = () => writer.Append(match.PlayRound(), match.Agent);

        skip.Should().Throw<InvalidOperationException>().WithMessage("*next round to record is 0, not 1*");
    }

    [Theory]
    [InlineData("rock-biased")]
    [InlineData("grocery")]
    public void A_baseline_writes_rounds_without_traces_that_read_back_as_played(string scenario)
    {
        using var folder = new ReplayFolder();
        using var factory = BaselineFactory.Create();
        var file = folder.File("oracle.jsonl");
        var played = new List<Simulation.Loop.RoundResult>();
        ReplayFolder.Record(factory, BaselineFactory.Oracle(scenario), file, 60, afterRound: (result, _) => played.Add(result));

        var replay = ReplayFile.Load(file);

        replay.WasCutOff.Should().BeFalse();
        replay.Header.Should().BeEquivalentTo(new { ModelHash = (string?)null, Eta = 1f, FirstRound = 0L, Previous = (string?)null, Format = "sirarena-replay", Version = 1 });
        replay.Header.Match.Should().Be(BaselineFactory.Oracle(scenario));
        replay.Rounds.Should().HaveCount(60).And.OnlyContain(r => r.Trace == null);
        replay.Rounds.Select(r => r.Result.GetType()).Should().Equal(played.Select(r => r.GetType()));
        replay.Rounds.Select(r => (r.Round, r.Result.Turn.Prompt, r.Result.Choice.Index, r.Result.Outcome))
            .Should().Equal(played.Select(r => (r.Turn.Round, r.Turn.Prompt, r.Choice.Index, r.Outcome)));
    }

    static string WithoutCreationTime(string headerLine)
    {
        var node = JsonNode.Parse(headerLine)!.AsObject();
        node.Remove("createdUtc").Should().BeTrue();
        return node.ToJsonString();
    }
}
