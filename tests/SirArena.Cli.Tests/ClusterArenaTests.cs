using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using SirArena.Arena.Cluster;
using SirArena.Cli.Hosting;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>`arena --cluster` on a real Redis server and two silos on loopback: one the `silo` verb itself, one a host
/// built as the verb builds it, so that the test can ask it how many matches it played.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterArenaTests
{
    [Fact]
    public async Task An_arena_spread_over_two_silos_writes_the_replays_and_report_of_the_in_process_arena_and_each_silo_plays_half()
    {
        using var redis = new RedisServer();
        using var arena = new ArenaFolder(); // 3 agents x 2 opponents x 1 seed, 30 rounds a match
        string local = Path.Combine(arena.Path, "local"), shared = Path.Combine(arena.Path, "shared");
        var (code, _, error) = await CliRun.Invoke("arena", "--config", arena.Config, "--out", local, "--parallelism", "2");
        code.Should().Be(0, error);

        using var stopVerb = new CancellationTokenSource();
        var verb = CliRun.Invoke(stopVerb.Token, "silo", "--config", arena.Config, "--cluster", redis.Address.ToString(), "--address", "127.0.0.1",
            "--silo-port", RedisServer.FreePort().ToString(), "--gateway-port", RedisServer.FreePort().ToString(), "--parallelism", "2");
        int playedByHost;
        try
        {
            using var client = await ClientOnceJoined(redis.Address, verb);
            // Started after the verb's silo and stopped before it: each silo puts back the intra-op threads it found.
            using var silo = Silo(arena.Config, redis.Address);
            await silo.StartAsync();
            try
            {
                await UntilActive(client.Services.GetRequiredService<IClusterClient>(), redis.Address, silos: 2);
                (code, _, error) = await CliRun.Invoke("arena", "--config", arena.Config, "--out", shared, "--cluster", redis.Address.ToString());
                code.Should().Be(0, error);
                playedByHost = silo.Services.GetRequiredService<SiloMatches>().MatchesPlayed;
            }
            finally
            {
                await client.StopAsync();
                await silo.StopAsync();
            }
        }
        finally
        {
            stopVerb.Cancel();
        }
        (await verb).ExitCode.Should().Be(0, "Ctrl+C or SIGTERM stops a silo cleanly");

        playedByHost.Should().Be(3, "the 6 matches are dealt in turn to the 2 silos, so the verb's silo played the other 3");
        var expected = ArenaReplays.In(local);
        var actual = ArenaReplays.In(shared);
        actual.Select(Path.GetFileName).Should().Equal(expected.Select(Path.GetFileName)).And.HaveCount(6);
        for (int i = 0; i < expected.Length; i++)
            ArenaReplays.WithoutTimestamp(actual[i]).Should().Equal(ArenaReplays.WithoutTimestamp(expected[i]), $"{Path.GetFileName(expected[i])} must be played round for round as on the arena's own silo");
        WithoutCommand(shared).Should().Equal(WithoutCommand(local), "the report is computed from the same results");
    }

    [Fact]
    public async Task An_arena_on_a_cluster_without_a_silo_is_refused_in_one_sentence_and_writes_nothing()
    {
        using var redis = new RedisServer();
        using var arena = new ArenaFolder();

        var (code, output, error) = await CliRun.Invoke("arena", "--config", arena.Config, "--cluster", redis.Address.ToString());

        code.Should().Be(2);
        error.Should().StartWith($"sirarena: --cluster {redis.Address}: cannot join the cluster")
            .And.Contain("`sirarena silo --cluster").And.NotContain("   at ");
        error.TrimEnd().Split('\n').Should().ContainSingle();
        Directory.Exists(arena.Output).Should().BeFalse("a refused run leaves no folder behind");
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task An_arena_whose_cluster_has_no_redis_server_is_refused_in_one_sentence_and_writes_nothing()
    {
        using var arena = new ArenaFolder();
        var nobody = $"redis://127.0.0.1:{RedisServer.FreePort()}";

        var (code, _, error) = await CliRun.Invoke("arena", "--config", arena.Config, "--cluster", nobody);

        code.Should().Be(2);
        error.Should().StartWith($"sirarena: --cluster {nobody}: cannot join the cluster").And.Contain("redis-server").And.NotContain("   at ");
        Directory.Exists(arena.Output).Should().BeFalse();
    }

    static IHost Silo(string config, ClusterAddress cluster)
    {
        var builder = ArenaHost.CreateBuilder(config, new Dictionary<string, string?> { ["Arena:Parallelism"] = "2" });
        builder.AddMatchSilo(cluster, new SiloEndpoint(IPAddress.Loopback, RedisServer.FreePort(), RedisServer.FreePort()));
        var host = builder.Build();
        _ = host.Services.GetRequiredService<SiloMatches>(); // as the verb does: the silo's threads are set before it joins
        return host;
    }

    /// <summary>A client of the cluster, once the `silo` verb has joined it (a client cannot start before a silo has).</summary>
    static async Task<IHost> ClientOnceJoined(ClusterAddress cluster, Task<(int ExitCode, string Output, string Error)> verb)
    {
        for (int attempt = 0; ; attempt++)
        {
            if (verb.IsCompleted) throw new InvalidOperationException($"the silo verb stopped before it joined: {(await verb).Error}");
            try
            {
                return await ClusterHosting.StartClientAsync(cluster, CancellationToken.None);
            }
            catch (ArgumentException) when (attempt < 300)
            {
                await Task.Delay(200);
            }
        }
    }

    static async Task UntilActive(IClusterClient client, ClusterAddress cluster, int silos)
    {
        for (int attempt = 0; (await ClusterVenue.ActiveSilos(client, cluster)).Length < silos; attempt++)
        {
            if (attempt == 300) throw new InvalidOperationException($"{silos} silos did not become active within a minute");
            await Task.Delay(200);
        }
    }

    /// <summary>report.md without the command line that reproduces it (its --out and --cluster differ).</summary>
    static string[] WithoutCommand(string folder) =>
        File.ReadAllLines(Directory.GetFiles(folder, "report.md", SearchOption.AllDirectories).Single())
            .Where(line => !line.StartsWith("sirarena ", StringComparison.Ordinal)).ToArray();
}
