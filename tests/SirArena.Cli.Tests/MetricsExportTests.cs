using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>`serve` and `soak` export the SirArena meter for Prometheus when asked, on this machine's loopback only unless allowed.</summary>
public partial class MetricsExportTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"^sirarena_rounds_total(\{[^}]*\})?\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex RoundsLine();

    static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The rounds counter summed over every match in a scrape; null while the endpoint is not up or has not counted a round.</summary>
    static async Task<double?> ScrapeRounds(HttpClient http, string url)
    {
        try
        {
            var text = await http.GetStringAsync(url);
            var values = RoundsLine().Matches(text).Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
            return values.Count > 0 ? values.Sum() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [Fact]
    public async Task Serve_with_prometheus_serves_a_scrape_endpoint_whose_rounds_counter_rises_while_the_matches_play()
    {
        using var arena = new ArenaFolder();
        string url = $"http://127.0.0.1:{FreePort()}/metrics";
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var serve = CliRun.Invoke(stop.Token, "serve", "--config", arena.Config, "--opponent", "rock-biased", "--agent", "sir",
            "--out", Path.Combine(arena.Path, "serve"), "--prometheus", url);
        double? first = null, second = null;
        var deadline = DateTime.UtcNow + Deadline;
        while (second is null && !serve.IsCompleted && DateTime.UtcNow < deadline)
        {
            if (await ScrapeRounds(http, url) is { } rounds)
            {
                if (first is null) first = rounds;
                else if (rounds > first) second = rounds;
            }
            await Task.Delay(50);
        }
        stop.Cancel();
        var (code, _, error) = await serve;

        first.Should().NotBeNull("the endpoint answers with the rounds counter once a round is played");
        second.Should().NotBeNull("a later scrape sees more rounds").And.BeGreaterThan(first!.Value);
        error.Should().BeEmpty();
        code.Should().Be(0);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("soak")]
    public async Task A_prometheus_endpoint_off_the_loopback_is_refused_with_exit_2_before_a_match_opens(string verb)
    {
        using var arena = new ArenaFolder();
        var output = Path.Combine(arena.Path, "out");
        string[] extra = verb == "soak" ? ["--rounds", "5"] : [];

        var (code, _, error) = await CliRun.Invoke([verb, "--config", arena.Config, "--agent", "oracle", "--opponent", "rock-biased",
            "--out", output, "--prometheus", "http://0.0.0.0:9464/metrics", ..extra]);

        code.Should().Be(2);
        error.Should().Contain("Metrics:Prometheus (--prometheus)").And.Contain("0.0.0.0 is not this machine's loopback")
            .And.Contain("Metrics:AllowRemote").And.NotContain("   at ");
        (Directory.Exists(output) ? Directory.GetFiles(output, "*", SearchOption.AllDirectories) : []).Should().BeEmpty("nothing was played");
    }

    [Theory]
    [InlineData("127.0.0.1:9464")]
    [InlineData("https://127.0.0.1:9464/metrics")]
    [InlineData("http://127.0.0.1:9464/metrics?x=1")]
    public async Task A_prometheus_value_that_is_not_an_http_scrape_url_is_refused_naming_the_flag(string value)
    {
        using var arena = new ArenaFolder();

        var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--agent", "oracle", "--prometheus", value);

        code.Should().Be(2);
        error.Should().Contain("--prometheus").And.Contain("expected http://HOST:PORT/metrics").And.NotContain("   at ");
    }

    [Fact]
    public async Task The_Metrics_section_of_arena_json_is_read_and_its_unknown_keys_refused()
    {
        using var arena = new ArenaFolder();
        var json = File.ReadAllText(arena.Config).TrimEnd().TrimEnd('}');
        File.WriteAllText(arena.Config, json + """, "Metrics": { "Prometheus": "http://10.1.2.3:9464/metrics" } }""");

        var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--agent", "oracle");

        code.Should().Be(2);
        error.Should().Contain("10.1.2.3 is not this machine's loopback");

        File.WriteAllText(arena.Config, json + """, "Metrics": { "Port": 9464 } }""");
        (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--agent", "oracle");

        code.Should().Be(2);
        error.Should().Contain("Metrics:Port").And.Contain("Prometheus").And.Contain("AllowRemote");
    }

    [Fact]
    public async Task A_prometheus_port_already_taken_is_refused_with_exit_2_naming_the_url()
    {
        using var arena = new ArenaFolder();
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            string url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}/metrics";

            var (code, _, error) = await CliRun.Invoke("serve", "--config", arena.Config, "--agent", "oracle", "--opponent", "rock-biased",
                "--out", Path.Combine(arena.Path, "serve"), "--prometheus", url);

            code.Should().Be(2);
            error.Should().Contain($"--prometheus) {url}: cannot listen there").And.NotContain("   at ");
        }
        finally
        {
            taken.Stop();
        }
    }
}
