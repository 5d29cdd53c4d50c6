using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using SirArena.Arena.Agents;
using SirArena.Arena.Cluster;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;
using SirArena.Cli.Tests.Support;
using SirArena.Simulation.Scenarios;
using Xunit.Abstractions;

namespace SirArena.Cli.Tests;

/// <summary>`arena` without --cluster plays on a silo of its own process: the same match grains as a cluster's.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EmbeddedSiloTests(ITestOutputHelper log)
{
    [Fact]
    public async Task An_arena_on_its_own_silo_writes_the_replays_of_the_plain_runner_round_for_round()
    {
        using var arena = new ArenaFolder(); // 3 agents x 2 opponents x 1 seed, 30 rounds a match
        string onSilo = Path.Combine(arena.Path, "silo"), plain = Path.Combine(arena.Path, "plain");
        var (code, output, error) = await CliRun.Invoke("arena", "--config", arena.Config, "--out", onSilo, "--parallelism", "2");
        code.Should().Be(0, error);
        output.Should().Contain("100%  180/180 rounds");

        using var host = ArenaHost.CreateBuilder(arena.Config, new Dictionary<string, string?> { ["Arena:Parallelism"] = "2" }).Build();
        var options = host.Services.Arena();
        using var factory = new MatchFactory(ScenarioCatalog.Load(options.Scenarios), options.Model);
        await new ArenaRunner(factory, new ReplayRecorderFactory(plain, factory)).RunAsync(options, null, CancellationToken.None);

        var expected = ArenaReplays.In(plain);
        var actual = ArenaReplays.In(onSilo);
        expected.Should().HaveCount(6);
        actual.Select(Path.GetFileName).Should().Equal(expected.Select(Path.GetFileName));
        for (int i = 0; i < expected.Length; i++)
            ArenaReplays.WithoutTimestamp(actual[i]).Should().Equal(ArenaReplays.WithoutTimestamp(expected[i]), $"{Path.GetFileName(expected[i])} must be played as the plain runner plays it");
    }

    [Fact]
    public async Task An_arena_stopped_by_sigterm_ends_each_match_after_its_round_and_reports_none_failed()
    {
        using var arena = new ArenaFolder();
        using var process = new SirarenaProcess("arena", "--config", arena.Config, "--rounds", "5000", "--parallelism", "2");
        var deadline = DateTime.UtcNow + SirarenaProcess.Patience;
        // Until a progress line says some rounds are played: the silo is up and its matches are under way.
        while (!UnderWay(process.Output) && !process.HasExited && DateTime.UtcNow < deadline) await Task.Delay(50);
        process.HasExited.Should().BeFalse(process.Output + process.Error);

        process.Terminate();

        (await process.ExitCode()).Should().Be(130, "an interrupted arena exits 130 ({0})", process.Error);
        process.Output.Should().Contain("report:").And.NotContain("failed:",
            "the signal is the command's to handle: its silo must not stop under the matches it is still playing");
    }

    /// <summary>Whether a progress line of <paramref name="output"/> is past 0% and short of 90%.</summary>
    static bool UnderWay(string output) => output.Split('\n')
        .Select(line => Regex.Match(line, @"^\s*(\d+)%  "))
        .Any(m => m.Success && int.Parse(m.Groups[1].Value) is > 0 and < 90);

    [Fact]
    public async Task Two_embedded_silos_side_by_side_each_stay_a_cluster_of_one()
    {
        using var first = await ClusterHosting.StartEmbeddedSiloAsync(1, 1, CancellationToken.None);
        using var second = await ClusterHosting.StartEmbeddedSiloAsync(1, 1, CancellationToken.None);
        try
        {
            var firstSilos = await ClusterVenue.ActiveSilos(first.Services.GetRequiredService<IClusterClient>(), null);
            var secondSilos = await ClusterVenue.ActiveSilos(second.Services.GetRequiredService<IClusterClient>(), null);

            firstSilos.Should().ContainSingle();
            secondSilos.Should().ContainSingle().Which.Should().NotBe(firstSilos[0]);
        }
        finally
        {
            await second.StopAsync();
            await first.StopAsync();
        }
    }

    [Fact]
    public async Task A_match_on_a_silo_reports_its_rounds_while_it_plays_and_never_goes_back()
    {
        using var arena = new ArenaFolder();
        using var host = ArenaHost.CreateBuilder(arena.Config).Build();
        var options = host.Services.Arena() with { Rounds = 400 };
        var spec = new MatchSpec("rock-biased", 3, new AgentSpec { Name = "sir", Budget = 200 });
        var reports = new List<long>();
        using var silo = await ClusterHosting.StartEmbeddedSiloAsync(1, 1, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        try
        {
            var venue = new ClusterVenue(silo.Services.GetRequiredService<IClusterClient>(), null, Path.Combine(arena.Path, "progress"));
            var played = await venue.PlayAsync([spec], options, (index, rounds) => { lock (reports) reports.Add(rounds); }, CancellationToken.None);
            played.Single()!.Rounds.Should().Be(400);
        }
        finally
        {
            await silo.StopAsync();
        }
        log.WriteLine($"{reports.Count} reports in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", reports)}");

        reports.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        reports[^1].Should().Be(400);
        reports.Should().Contain(r => r > 0 && r < 400, "a match reports while it plays, not only when it ends");
    }
}
