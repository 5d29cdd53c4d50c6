using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

/// <summary>
/// A chain of three files (rounds 0-3, 4-7, 8-11) broken in each way a chain can break: the summary, a round view
/// and verification all refuse it with a <see cref="ReplayFormatException"/> naming the file, even when the round
/// asked for lies before the break; read for the prefix, the rounds before the break are read and the break is kept.
/// </summary>
public sealed class BrokenChainTests : IDisposable
{
    const int RoundsPerFile = 4;
    readonly ReplayFolder folder = new();
    readonly Matches.MatchFactory factory = BaselineFactory.Create();
    readonly string first;

    public BrokenChainTests()
    {
        first = folder.File("chain.jsonl");
        var spec = BaselineFactory.Oracle();
        var match = factory.Create(spec);
        using var recorder = new RollingReplayRecorder(first, spec, match, modelHash: null, RoundsPerFile);
        foreach (var result in match.Play(3 * RoundsPerFile)) recorder.Record(result);
    }

    public void Dispose()
    {
        factory.Dispose();
        folder.Dispose();
    }

    string Part(int n) => n == 1 ? first : RollingReplayRecorder.PartPath(first, n);

    static void EditHeader(string file, string from, string to)
    {
        var lines = File.ReadAllLines(file);
        lines[0].Should().Contain(from);
        lines[0] = lines[0].Replace(from, to, StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
    }

    /// <summary>Breaks the chain; returns the file the refusal must name and what it must say.</summary>
    (string Named, string Problem) Break(string kind)
    {
        switch (kind)
        {
            case "missing middle part":
                File.Delete(Part(2));
                return ("chain.part2.jsonl", "*is missing*");
            case "corrupt middle header":
                var lines = File.ReadAllLines(Part(2));
                lines[0] = lines[0][..(lines[0].Length / 2)];
                File.WriteAllLines(Part(2), lines);
                return ("chain.part2.jsonl", "*line 1*");
            case "first file continues a missing file":
                EditHeader(first, "\"previous\":null", "\"previous\":\"chain-before.jsonl\"");
                return ("chain-before.jsonl", "*which is missing*");
            case "gap":
                var part2 = File.ReadAllLines(Part(2));
                File.WriteAllLines(Part(2), part2[..^1]);
                return ("chain.part3.jsonl", "*starts at round 8*ends at round 6*round* 7 to 7 are missing*");
            case "repeat":
                File.AppendAllLines(Part(2), [File.ReadAllLines(Part(3))[1]]);
                return ("chain.part3.jsonl", "*starts at round 8*holds the rounds up to 8*repeat*");
            case "two files continue one":
                File.Copy(Part(2), folder.File("chain-copy.jsonl"));
                return ("chain-copy.jsonl", "*continues chain.jsonl*chain.part2.jsonl continues too*");
            case "loop":
                EditHeader(first, "\"previous\":null", "\"previous\":\"chain.part3.jsonl\"");
                return ("chain.part3.jsonl", "*loops back*");
            case "middle file cut off":
                var bytes = File.ReadAllBytes(Part(2));
                File.WriteAllBytes(Part(2), bytes[..^20]);
                return ("chain.part2.jsonl", "*only the last file of a chain may be cut off*");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    public static TheoryData<string> Kinds() =>
    [
        "missing middle part", "corrupt middle header", "first file continues a missing file", "gap", "repeat",
        "two files continue one", "loop", "middle file cut off",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_broken_chain_is_refused_by_the_summary_the_round_view_and_verification_naming_the_file(string kind)
    {
        var (named, problem) = Break(kind);
        var opened = File.Exists(Part(3)) ? Part(3) : first;

        Action summary = () => ReplaySummary.Read(first);
        Action laterSummary = () => ReplaySummary.Read(opened);
        Action round = () => ReplayRoundView.Read(first, 1);
        Action verify = () => new ReplayVerifier(factory).Verify(first);

        foreach (var read in new[] { summary, laterSummary, round, verify })
            read.Should().Throw<ReplayFormatException>().WithMessage($"*{named}*").WithMessage(problem);
    }

    [Theory]
    [InlineData("missing middle part", 4)]
    [InlineData("corrupt middle header", 4)]
    [InlineData("gap", 7)]
    [InlineData("repeat", 9)]
    [InlineData("two files continue one", 4)]
    [InlineData("middle file cut off", 7)]
    public void Read_for_the_prefix_a_broken_chain_gives_the_rounds_before_the_break_and_says_where_it_stopped(string kind, int intact)
    {
        var (named, _) = Break(kind);

        var summary = ReplaySummary.Read(first, prefix: true);

        summary.Rounds.Should().Be(intact);
        summary.Stopped.Should().Contain(named);
        summary.Lines().Should().Contain(l => l.StartsWith("stopped") && l.Contains(named));
        ReplayRoundView.Read(ReplayChain.Open(first, prefix: true), intact - 1).Round.Should().Be(intact - 1);
        var beyond = () => ReplayRoundView.Read(ReplayChain.Open(first, prefix: true), intact);
        beyond.Should().Throw<ReplayFormatException>().WithMessage($"*{named}*round {intact} lies after this break*");
    }

    [Theory]
    [InlineData("first file continues a missing file")]
    [InlineData("loop")]
    public void A_chain_without_a_first_file_is_refused_even_for_its_prefix(string kind)
    {
        var (named, _) = Break(kind);

        var read = () => ReplaySummary.Read(first, prefix: true);

        read.Should().Throw<ReplayFormatException>().WithMessage($"*{named}*");
    }

    [Fact]
    public void An_intact_chain_reads_whole_from_any_of_its_files_and_verifies()
    {
        foreach (var file in new[] { Part(1), Part(2), Part(3) })
        {
            var summary = ReplaySummary.Read(file);
            summary.Rounds.Should().Be(3 * RoundsPerFile);
            summary.Files.Should().Be(3);
            summary.Stopped.Should().BeNull();
        }
        new ReplayVerifier(factory).Verify(Part(2)).Reproduced.Should().BeTrue();
        ReplaySummary.Read(first, prefix: true).Stopped.Should().BeNull("an intact chain has no break, prefix or not");
    }

    [Fact]
    public void Only_the_last_file_may_be_cut_off_and_it_still_reads()
    {
        var bytes = File.ReadAllBytes(Part(3));
        File.WriteAllBytes(Part(3), bytes[..^20]);

        var summary = ReplaySummary.Read(first);

        summary.Rounds.Should().Be(3 * RoundsPerFile - 1);
        summary.WasCutOff.Should().BeTrue();
        new ReplayVerifier(factory).Verify(first).Reproduced.Should().BeTrue();
    }

    [Theory]
    [InlineData("intact")]
    [InlineData("last line cut off")]
    [InlineData("last file holds its header only")]
    [InlineData("last file holds its header and a cut-off line")]
    public void The_last_whole_round_read_off_the_end_is_the_last_round_reading_the_chain_gives(string ending)
    {
        var lines = File.ReadAllLines(Part(3));
        switch (ending)
        {
            case "last line cut off":
                File.WriteAllBytes(Part(3), File.ReadAllBytes(Part(3))[..^20]);
                break;
            case "last file holds its header only":
                File.WriteAllText(Part(3), lines[0] + "\n");
                break;
            case "last file holds its header and a cut-off line":
                File.WriteAllText(Part(3), lines[0] + "\n" + lines[1][..(lines[1].Length / 2)]);
                break;
        }
        long read = ReplayChain.Open(first).ReadRounds().Last().Round;

        ReplayChain.Open(Part(2)).LastWholeRound().Should().Be(read);
        read.Should().Be(ending switch
        {
            "intact" => 3 * RoundsPerFile - 1,
            "last line cut off" => 3 * RoundsPerFile - 2,
            _ => 2 * RoundsPerFile - 1,
        });
        ReplayChain.Open(first, prefix: true).LastWholeRound().Should().BeNull("a prefix's break is found only by reading");
    }

    [Fact]
    public void A_part_of_the_chain_whose_header_does_not_read_at_all_is_not_taken_for_some_other_file()
    {
        File.WriteAllText(Part(3), "");

        var read = () => ReplaySummary.Read(first);

        read.Should().Throw<ReplayFormatException>().WithMessage("*chain.part3.jsonl, line 1: it is named as part 3 of the chain of chain.jsonl, but its header does not read*");
    }

    [Fact]
    public void Files_of_other_chains_and_other_files_in_the_folder_do_not_disturb_a_chain()
    {
        File.WriteAllText(folder.File("notes.jsonl"), "not a replay\n");
        File.WriteAllText(folder.File("chain.partial.jsonl"), "not a part either\n");
        File.Copy(first, folder.File("other.jsonl"));

        ReplaySummary.Read(first).Rounds.Should().Be(3 * RoundsPerFile);
    }
}
