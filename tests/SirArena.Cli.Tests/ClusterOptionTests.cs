using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

public class ClusterOptionTests
{
    [Theory]
    [InlineData("arena", "mongodb://127.0.0.1:6379")]
    [InlineData("arena", "redis://127.0.0.1")]
    [InlineData("arena", "127.0.0.1:6379")]
    [InlineData("silo", "redis://127.0.0.1:6379/0")]
    [InlineData("silo", "redis://127.0.0.1:0")]
    [InlineData("serve", "redis://127.0.0.1")]
    public async Task A_cluster_that_is_not_redis_host_port_is_refused_in_one_sentence_naming_the_flag(string verb, string cluster)
    {
        using var arena = new ArenaFolder();

        var (code, output, error) = await CliRun.Invoke(verb, "--config", arena.Config, "--cluster", cluster);

        code.Should().Be(2);
        error.Should().StartWith($"sirarena: --cluster {cluster}: is not a cluster address; expected redis://HOST:PORT").And.NotContain("   at ");
        error.TrimEnd().Split('\n').Should().ContainSingle();
        output.Should().BeEmpty();
        Directory.Exists(arena.Output).Should().BeFalse();
    }

    [Fact]
    public async Task A_silo_without_a_cluster_is_refused_naming_the_flag()
    {
        using var arena = new ArenaFolder();

        var (code, _, error) = await CliRun.Invoke("silo", "--config", arena.Config);

        code.Should().Be(2);
        error.Should().Contain("--cluster").And.NotContain("   at ");
    }
}
