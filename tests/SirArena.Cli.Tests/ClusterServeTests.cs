using System.Text.RegularExpressions;
using SirArena.Arena.Service;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>
/// `serve --cluster` on a real Redis server and two `silo` processes on loopback, killed in turn as kill -9 kills and
/// started again on their addresses: the matches of the killed silo are served again by the other within 30 s, the
/// silo started again is given its share back, and every chain is read whole and played again round for round by
/// `replay --verify`, so no round was lost or repeated.
/// The short form of scripts/kill-cycle-cluster.sh.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterServeTests
{
    static readonly TimeSpan Failover = TimeSpan.FromSeconds(30);

    /// <summary>The ports of one silo, kept across its restarts, as a machine's silo keeps its address.</summary>
    sealed record SiloPorts(int SiloPort, int GatewayPort)
    {
        public static SiloPorts Free() => new(RedisServer.FreePort(), RedisServer.FreePort());
        public bool Serves(MatchStatus match) => match.Silo?.StartsWith($"127.0.0.1:{SiloPort}@", StringComparison.Ordinal) == true;
    }

    [Fact]
    public async Task The_matches_of_a_killed_silo_are_served_again_by_the_other_within_30_s_and_every_chain_verifies()
    {
        using var redis = new RedisServer();
        using var arena = new ArenaFolder(); // sir and oracle against rock-biased and switching below: 4 matches
        var folder = Path.Combine(arena.Path, "serve");
        var statusFile = Path.Combine(folder, "status.json");
        SiloPorts[] ports = [SiloPorts.Free(), SiloPorts.Free()];
        var silos = ports.Select(p => Silo(arena, redis, p)).ToArray();
        var killedLogs = new List<string>();
        try
        {
            foreach (var silo in silos) await Joined(silo);
            using var stop = new CancellationTokenSource();
            var serve = CliRun.Invoke(stop.Token, "serve", "--config", arena.Config, "--cluster", redis.Address.ToString(),
                "--agent", "sir", "oracle", "--out", folder, "--checkpoint-every", "10", "--roll-every", "40", "--status-seconds", "0.5");

            var spread = await StatusWhen(statusFile, serve, DateTime.MinValue, SirarenaProcess.Patience,
                s => AllRunning(s) && s.Matches.All(m => m.Round >= 25));
            spread.Matches.Should().HaveCount(4);
            spread.Matches.GroupBy(m => m.Silo).Select(g => g.Count()).Should().Equal(new[] { 2, 2 }, "the matches are dealt evenly over the silos");

            for (int victim = 0; victim < silos.Length; victim++)
            {
                var before = ServeStatus.Read(statusFile).Matches.ToDictionary(m => m.Match, m => m.Round);
                await silos[victim].KillHard();
                var killed = DateTime.UtcNow;
                var back = await StatusWhen(statusFile, serve, killed, Failover + TimeSpan.FromSeconds(15),
                    s => AllRunning(s) && !s.Matches.Any(ports[victim].Serves));
                (back.Utc - killed).Should().BeLessThan(Failover, "every match is served again on a live silo within 30 s of its silo's death");
                await StatusWhen(statusFile, serve, killed, SirarenaProcess.Patience, s => s.Matches.All(m => m.Round > before[m.Match]));

                silos[victim].Dispose();
                killedLogs.Add(silos[victim].Output);
                silos[victim] = Silo(arena, redis, ports[victim]); // on its old address: a new generation of that silo
                await Joined(silos[victim]);
            }
            // The silo started last is given 2 of the 4 matches back; StatusWhen fails the test if it is not in time.
            await StatusWhen(statusFile, serve, DateTime.UtcNow, SirarenaProcess.Patience,
                s => AllRunning(s) && s.Matches.Count(ports[0].Serves) == 2 && s.Matches.Count(ports[1].Serves) == 2);

            stop.Cancel();
            var (code, _, error) = await serve;
            code.Should().Be(0, error);
            var logs = string.Concat(killedLogs.Concat(silos.Select(silo => silo.Output)));
            Regex.Count(logs, "resumed at round").Should().BeGreaterThanOrEqualTo(6,
                "the first silo's 2 matches resumed from their checkpoints on the second, the second silo's on the first, " +
                "started again, and 2 of them back on the second once it was started again too");
        }
        finally
        {
            foreach (var silo in silos) silo.Dispose();
        }

        var chains = Directory.GetFiles(folder, "serve-*.jsonl").Where(f => !Path.GetFileName(f).Contains(".part")).ToArray();
        chains.Should().HaveCount(4, "each match went on in its own chain: no checkpoint was refused");
        foreach (var chain in chains)
        {
            var (code, output, error) = await CliRun.Invoke("replay", chain, "--verify", "--config", arena.Config);
            code.Should().Be(0, $"{Path.GetFileName(chain)} must be read whole and reproduced: {output}{error}");
        }
    }

    [Fact]
    public async Task Serve_on_a_cluster_without_a_redis_server_is_refused_in_one_sentence_and_writes_nothing()
    {
        using var arena = new ArenaFolder();
        var nobody = $"redis://127.0.0.1:{RedisServer.FreePort()}";
        var folder = Path.Combine(arena.Path, "serve");

        var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--cluster", nobody, "--out", folder);

        code.Should().Be(2);
        error.Should().StartWith($"sirarena: --cluster {nobody}: cannot join the cluster").And.Contain("redis-server").And.NotContain("   at ");
        error.TrimEnd().Split('\n').Should().ContainSingle();
        Directory.Exists(folder).Should().BeFalse("a refused run leaves no folder behind");
    }

    [Fact]
    public async Task Serve_on_a_cluster_refuses_parallelism_naming_the_flag_that_sets_it()
    {
        using var arena = new ArenaFolder();

        var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--cluster", "redis://127.0.0.1:6379", "--parallelism", "2");

        code.Should().Be(2);
        error.Should().StartWith("sirarena: --parallelism: not used with --cluster").And.Contain("sirarena silo --parallelism");
    }

    static SirarenaProcess Silo(ArenaFolder arena, RedisServer redis, SiloPorts ports) => new(
        "silo", "--config", arena.Config, "--cluster", redis.Address.ToString(), "--address", "127.0.0.1",
        "--silo-port", ports.SiloPort.ToString(), "--gateway-port", ports.GatewayPort.ToString(), "--parallelism", "2");

    static async Task Joined(SirarenaProcess silo)
    {
        var deadline = DateTime.UtcNow + SirarenaProcess.Patience;
        while (!silo.Output.Contains("joined the cluster"))
        {
            if (silo.HasExited) throw new InvalidOperationException($"the silo exited before it joined: {silo.Output}{silo.Error}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the silo did not join within {SirarenaProcess.Patience.TotalSeconds} s: {silo.Output}");
            await Task.Delay(100);
        }
    }

    static bool AllRunning(ServeStatus status) => status.Matches.All(m => m.State == nameof(ServedMatchState.Running));

    /// <summary>The first status written after <paramref name="after"/> that is <paramref name="enough"/>.</summary>
    static async Task<ServeStatus> StatusWhen(string path, Task<(int ExitCode, string Output, string Error)> serve, DateTime after, TimeSpan patience,
        Func<ServeStatus, bool> enough)
    {
        var deadline = DateTime.UtcNow + patience;
        ServeStatus? last = null;
        while (true)
        {
            if (serve.IsCompleted) throw new InvalidOperationException($"serve stopped: {(await serve).Error}");
            if (File.Exists(path))
            {
                last = ServeStatus.Read(path);
                if (last.Utc > after && enough(last)) return last;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"no such status within {patience.TotalSeconds} s; the last: " +
                    string.Join("; ", last?.Matches.Select(m => $"{m.Match} {m.State} round {m.Round} on {m.Silo} {m.Problem}") ?? []));
            await Task.Delay(100);
        }
    }
}
