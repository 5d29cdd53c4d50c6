using System.Text;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

public sealed class ReplayReaderTests : IDisposable
{
    const int Rounds = 12;
    readonly ReplayFolder folder = new();
    readonly string file;

    public ReplayReaderTests()
    {
        using var factory = BaselineFactory.Create();
        file = folder.File("oracle.jsonl");
        ReplayFolder.Record(factory, BaselineFactory.Oracle(), file, Rounds);
    }

    [Fact]
    public void A_replay_cut_mid_record_reads_every_whole_round_and_says_it_was_cut()
    {
        var bytes = File.ReadAllBytes(file);
        int lastLineLength = bytes.Length - 1 - Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2);
        File.WriteAllBytes(file, bytes[..(bytes.Length - lastLineLength / 2)]);

        using var reader = ReplayReader.Open(file);

        reader.ReadRounds().Should().HaveCount(Rounds - 1);
        reader.WasCutOff.Should().BeTrue();
        reader.CutOffLine.Should().Be(Rounds + 1);
    }

    [Fact]
    public void A_replay_still_being_written_can_be_read()
    {
        using var folder2 = new ReplayFolder();
        using var factory = BaselineFactory.Create();
        var match = factory.Create(BaselineFactory.Oracle());
        var live = folder2.File("live.jsonl");
        using var writer = ReplayWriter.Create(live, ReplayHeader.For(BaselineFactory.Oracle(), match.Agent, null, DateTime.UtcNow));
        foreach (var result in match.Play(3)) writer.Append(result, match.Agent);

        ReplayFile.Load(live).Rounds.Should().HaveCount(3, "each round reaches the file as it is appended");
    }

    [Fact]
    public void A_last_line_missing_only_its_newline_is_a_whole_round()
    {
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^1]);

        var replay = ReplayFile.Load(file);

        replay.Rounds.Should().HaveCount(Rounds);
        replay.WasCutOff.Should().BeFalse();
    }

    [Fact]
    public void A_corrupted_line_in_the_middle_names_the_file_and_the_line()
    {
        var lines = File.ReadAllLines(file);
        lines[4] = lines[4][..(lines[4].Length / 2)];
        File.WriteAllLines(file, lines);

        var read = () => ReplayFile.Load(file);

        read.Should().Throw<ReplayFormatException>()
            .Where(e => e.Line == 5 && e.FilePath == file)
            .WithMessage($"{file}, line 5: expected a round record*");
    }

    [Fact]
    public void A_missing_round_is_reported_at_the_line_where_it_should_be()
    {
        var lines = File.ReadAllLines(file).ToList();
        lines.RemoveAt(3);
        File.WriteAllLines(file, lines);

        var read = () => ReplayFile.Load(file);

        read.Should().Throw<ReplayFormatException>().WithMessage("*line 4: expected round 2, found round 3*");
    }

    [Fact]
    public void A_line_whose_values_a_record_refuses_is_a_bad_line_named_by_the_reader()
    {
        var lines = File.ReadAllLines(file);
        lines[3].Should().Contain("\"rock\":0.5");
        lines[3] = lines[3].Replace("\"rock\":0.5", "\"rock\":0.9", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var read = () => ReplayFile.Load(file);

        read.Should().Throw<ReplayFormatException>().WithMessage($"{file}, line 4: expected a round record*sum to 1*");
    }

    [Theory]
    [InlineData("\"format\":\"sirarena-replay\"", "\"format\":\"chess-pgn\"", "*line 1*not a SirArena replay*")]
    [InlineData("\"version\":1", "\"version\":9", "*line 1*format version 9*reads versions 1 to 8*")]
    [InlineData("\"version\":1", "\"version\":0", "*line 1*format version 0*reads versions 1 to 8*")]
    [InlineData("\"seed\":5", "\"seed\":\"five\"", "*line 1*expected a replay header*")]
    public void A_header_of_another_format_or_version_is_refused_clearly(string original, string replacement, string message)
    {
        var lines = File.ReadAllLines(file);
        lines[0].Should().Contain(original);
        lines[0] = lines[0].Replace(original, replacement, StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var read = () => ReplayFile.Load(file);

        read.Should().Throw<ReplayFormatException>().WithMessage(message);
    }

    [Fact]
    public void An_empty_file_is_not_a_replay()
    {
        File.WriteAllText(file, "", Encoding.UTF8);

        var read = () => ReplayFile.Load(file);

        read.Should().Throw<ReplayFormatException>().WithMessage("*line 1: expected a replay header*empty*");
    }

    [Fact]
    public void Rounds_stream_lazily_and_stop_where_the_reader_stops()
    {
        using var reader = ReplayReader.Open(file);

        reader.ReadRounds().Take(3).Select(r => r.Round).Should().Equal(0, 1, 2);
        var again = () => reader.ReadRounds();
        again.Should().Throw<InvalidOperationException>().WithMessage("*already read*");
    }

    public void Dispose() => folder.Dispose();
}
