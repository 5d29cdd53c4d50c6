using SirArena.Arena.Agents;
using SirArena.Arena.Checkpoints;
using SirArena.Arena.Matches;
using SirArena.Arena.Tests.Replays;

namespace SirArena.Arena.Tests.Service;

public class CheckpointFileTests
{
    static readonly CheckpointHeader Header = new(new MatchSpec("rock-biased", 3, new AgentSpec()), "abc", "def", 42,
        new ReplayPosition("chain.jsonl", 2, 40, 2, 1234), new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_checkpoint_reads_back_its_header_and_state()
    {
        using var folder = new ReplayFolder();
        var path = folder.File("a.checkpoint");
        CheckpointFile.Write(path, Header, w => w.Write("state"));

        var (header, state) = CheckpointFile.Read(path);

        header.Should().Be(Header);
        new BinaryReader(new MemoryStream(state)).ReadString().Should().Be("state");
        File.Exists(path + ".tmp").Should().BeFalse("the temporary file is renamed into place");
    }

    [Fact]
    public void A_checkpoint_write_that_fails_leaves_no_temporary_file()
    {
        using var folder = new ReplayFolder();
        var path = folder.File("a.checkpoint");
        Directory.CreateDirectory(path); // the rename at the end of the write fails, after the temporary file is whole

        var write = () => CheckpointFile.Write(path, Header, w => w.Write(new byte[500]));

        write.Should().Throw<IOException>();
        File.Exists(path + ".tmp").Should().BeFalse("a failed write removes its temporary file, which would keep a full disk full");
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("flip")]
    [InlineData("magic")]
    public void A_damaged_checkpoint_is_refused_with_the_reason(string damage)
    {
        using var folder = new ReplayFolder();
        var path = folder.File("a.checkpoint");
        CheckpointFile.Write(path, Header, w => w.Write(new byte[500]));
        var bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "cut" => bytes[..^40],
            "flip" => bytes.Select((b, i) => i == 100 ? (byte)(b ^ 1) : b).ToArray(),
            _ => [.. "NOTACKPT"u8.ToArray(), .. bytes[8..]],
        };
        File.WriteAllBytes(path, bytes);

        var read = () => CheckpointFile.Read(path);

        read.Should().Throw<CheckpointRefusedException>()
            .WithMessage(damage == "magic" ? "*not a SirArena checkpoint*" : "*checksum*").And.Path.Should().Be(path);
    }

    [Theory]
    [InlineData("sir", CheckpointHeader.CurrentVersion, true)]
    [InlineData("sir-adaptive", CheckpointHeader.CurrentVersion, true)]
    [InlineData("streaming", CheckpointHeader.UnrotatedKeysVersion, true)]
    [InlineData("sir", CheckpointHeader.UnrotatedKeysVersion, true)]
    [InlineData("sir-adaptive", CheckpointHeader.UnrotatedKeysVersion, false)]
    [InlineData("sir", CheckpointHeader.UnrotatedKeysVersion - 1, false)]
    [InlineData("sir", 1, false)]
    public void An_older_checkpoint_is_read_only_where_what_it_saved_has_not_changed_since(string policy, int version, bool read)
    {
        using var folder = new ReplayFolder();
        var path = folder.File("a.checkpoint");
        var header = Header with { Match = Header.Match with { Agent = new AgentSpec { Policy = policy } }, Version = version };
        CheckpointFile.Write(path, header, w => w.Write("state"));

        var load = () => CheckpointFile.Read(path);

        if (read) load().Header.Should().Be(header);
        else load.Should().Throw<CheckpointRefusedException>().WithMessage($"*version {version} (policy {policy})*");
    }
}
