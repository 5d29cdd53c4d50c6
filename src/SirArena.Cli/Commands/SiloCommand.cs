using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Cluster;
using SirArena.Arena.Tournament;
using SirArena.Cli.Hosting;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena silo --cluster redis://HOST:PORT</c>: joins this machine to a cluster and hosts the matches that
/// `arena --cluster` and `serve --cluster` spread over it, until Ctrl+C or SIGTERM, which stop it cleanly (an arena's
/// match in play stops after its round in flight and is reported failed, for `arena --resume`; a served match stops
/// at a checkpoint, and `serve` moves it to another silo).
/// </summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var cluster = ClusterOption.Create("the cluster to join: its Redis server", required: true);
        var address = new Option<IPAddress?>("--address")
        {
            Description = "the address other machines reach this silo at (default: this machine's own)",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (IPAddress.TryParse(text, out var ip)) return ip;
                r.AddError($"--address: expected an IP address such as 10.0.0.5, got \"{text}\"");
                return null;
            },
        };
        var siloPort = Port("--silo-port", "port the silos talk to each other on", SiloEndpoint.DefaultSiloPort);
        var gatewayPort = Port("--gateway-port", "port arenas connect to", SiloEndpoint.DefaultGatewayPort);
        var parallelism = NumberOptions.Optional<int>("--parallelism", "matches played side by side, or rounds of served matches (overrides Arena:Parallelism; default one per core)", "a whole number, 1 or more", v => v >= 1);
        var command = new Command("silo", "join a cluster and play the matches `arena --cluster` and `serve --cluster` send, until stopped")
            { cluster, address, siloPort, gatewayPort, parallelism };
        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, async () =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(parallelism) is { } p) overrides[$"{ArenaOptions.Section}:Parallelism"] = p.ToString();
            var builder = ArenaHost.CreateBuilder(parse, overrides, LogLevel.Information);
            builder.Logging.AddSimpleConsole(f => f.TimestampFormat = "HH:mm:ss ");
            var endpoint = new SiloEndpoint(parse.GetValue(address), parse.GetValue(siloPort), parse.GetValue(gatewayPort));
            var clusterAddress = parse.GetValue(cluster)!;
            builder.AddMatchSilo(clusterAddress, endpoint);
            using var host = builder.Build();
            _ = host.Services.Arena(); // a bad configuration stops here, named by its file, before the silo joins
            var matches = host.Services.GetRequiredService<SiloMatches>();
            try
            {
                await host.StartAsync(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw ClusterHosting.CannotJoin(clusterAddress, e);
            }
            host.Services.GetRequiredService<ILogger<SiloMatches>>().LogInformation(
                "joined the cluster at {Cluster}: silo port {SiloPort}, gateway port {GatewayPort}, {Parallelism} matches side by side",
                clusterAddress, endpoint.SiloPort, endpoint.GatewayPort, matches.Parallelism);
            await host.WaitForShutdownAsync(cancellation);
            return 0;
        }));
        return command.WithExamples(
            new HelpExample("sirarena silo --cluster redis://10.0.0.5:6379", "join the cluster whose Redis server runs on 10.0.0.5; Ctrl+C leaves it"),
            new HelpExample("sirarena silo --cluster redis://10.0.0.5:6379 --address 10.0.0.6 --parallelism 8", "say which address the other machines reach this one at, and play 8 matches at once"));
    }

    static Option<int> Port(string name, string description, int defaultPort) =>
        NumberOptions.WithDefault(name, $"{description} (default {defaultPort})", "a port number from 1 to 65535", v => v is >= 1 and <= 65535, defaultPort);
}
