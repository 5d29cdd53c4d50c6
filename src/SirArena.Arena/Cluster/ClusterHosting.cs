using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using SirArena.Arena.Replays;
using SirArena.Arena.Service;
using SirArena.Arena.Tournament;

namespace SirArena.Arena.Cluster;

/// <summary>
/// How a process joins a SirArena cluster: as a silo that hosts match grains and served match grains, or as the
/// client an arena spreads its matches through, or `serve` watches its served matches through. Both find the
/// cluster's members in the Redis server of a <see cref="ClusterAddress"/>, under one cluster and service id, and
/// send orders and results as the replays' own JSON. Without a cluster, `arena` and `serve` are a cluster of one: a
/// silo embedded in their own process (<see cref="StartEmbeddedSiloAsync"/>).
/// </summary>
public static class ClusterHosting
{
    public const string ClusterId = "sirarena";

    /// <summary>How long a client keeps trying to reach a silo before it gives up: long enough for a silo started at
    /// the same moment to register, short enough that a cluster without silos is refused at once (Orleans's own
    /// default retries for minutes).</summary>
    public static readonly TimeSpan JoinPatience = TimeSpan.FromSeconds(10);

    /// <summary>A silo of the cluster, playing at most Arena:Parallelism matches side by side (or rounds of served matches).</summary>
    public static void AddMatchSilo(this IHostApplicationBuilder builder, ClusterAddress cluster, SiloEndpoint endpoint)
    {
        builder.AddSiloMatches(sp => sp.GetRequiredService<IOptions<ArenaOptions>>().Value.Parallelism);
        // Orleans's own information (and its placement's retry pipeline's) is dozens of lines a start.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(cluster.RedisConnection).Configure<ClusterOptions>(Identify);
            silo.Configure<ClusterMembershipOptions>(DeclareDeathQuickly);
            if (endpoint.Address is { } address)
                silo.ConfigureEndpoints(address, endpoint.SiloPort, endpoint.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
            else
                silo.ConfigureEndpoints(endpoint.SiloPort, endpoint.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
            silo.Services.AddSerializer(ReplayTypesAsJson);
        });
    }

    /// <summary>
    /// A started cluster of one silo inside this process, made for <paramref name="matches"/> matches and playing at most
    /// <paramref name="parallelism"/> of them side by side (a lone match keeps the process's intra-op threads, as
    /// <see cref="SiloMatches"/> says): what `arena` and `serve` play on when no cluster is named, so that one machine runs the same match grains as a cluster,
    /// with nothing to install. Its membership lives in the silo itself (Orleans's localhost clustering), on free
    /// loopback ports, so that processes side by side on one machine never join each other. Its client is the host's
    /// <see cref="IClusterClient"/>.
    /// </summary>
    /// <param name="logs">where the silo logs (the caller's, with its filters); null: nowhere, for a caller that hears
    /// of every failure as an exception</param>
    /// <param name="metrics">the meter its served matches report to (the caller's, so that the process has one)</param>
    public static async Task<IHost> StartEmbeddedSiloAsync(int parallelism, int matches, CancellationToken cancellationToken,
        ILoggerFactory? logs = null, ArenaMetrics? metrics = null)
    {
        int sideBySide = Math.Max(1, Math.Min(parallelism, matches));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime, CallerStops>();
        if (logs is not null) builder.Services.AddSingleton(logs);
        if (metrics is not null) builder.Services.AddSingleton(metrics);
        else builder.Services.AddSingleton<ArenaMetrics>();
        builder.AddSiloMatches(_ => sideBySide);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreeLoopbackPort(), FreeLoopbackPort(), serviceId: ClusterId, clusterId: ClusterId);
            // Ctrl+C waits for each match to stop after its round in flight, as with a cluster's client.
            silo.Configure<SiloMessagingOptions>(o => o.WaitForCancellationAcknowledgement = true);
            silo.Services.AddSerializer(ReplayTypesAsJson);
        });
        var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<SiloMatches>(); // sets the matches' intra-op threads, and loads TorchSharp or refuses
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lifetime of a host the command runs inside its own: it leaves Ctrl+C and SIGTERM to the command, which stops
    /// its matches after their rounds in flight and only then stops this host. The default lifetime would stop the host
    /// at the signal itself, under the matches still being played through it.
    /// </summary>
    sealed class CallerStops : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    static void AddSiloMatches(this IHostApplicationBuilder builder, Func<IServiceProvider, int> parallelism) =>
        builder.Services.AddSingleton(sp => new SiloMatches(parallelism(sp), sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<SiloMatches>>()));

    /// <summary>A loopback port no process listens on now.</summary>
    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A started client of the cluster, with at least one active silo; a Redis server that cannot be reached, or a
    /// cluster without silos, is refused in one sentence naming the flag, before the arena writes anything.
    /// </summary>
    public static async Task<IHost> StartClientAsync(ClusterAddress cluster, CancellationToken cancellationToken)
    {
        // No log: whatever goes wrong reaches the arena as an exception, which it reports in one sentence.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime, CallerStops>();
        var trying = Stopwatch.StartNew();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(cluster.RedisConnection).Configure<ClusterOptions>(Identify);
            // Only "no silo yet" is worth waiting for; an unreachable Redis server is refused at once.
            client.UseConnectionRetryFilter(async (e, token) =>
            {
                if (e is not SiloUnavailableException || trying.Elapsed >= JoinPatience) return false;
                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
            // Ctrl+C waits for each match to stop after its round in flight.
            client.Configure<ClientMessagingOptions>(o => o.WaitForCancellationAcknowledgement = true);
            client.Services.AddSerializer(ReplayTypesAsJson);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            await ClusterVenue.ActiveSilos(host.Services.GetRequiredService<IClusterClient>(), cluster);
            return host;
        }
        catch (Exception e) when (e is not ArgumentException and not OperationCanceledException)
        {
            host.Dispose();
            throw CannotJoin(cluster, e);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Why a silo or a client could not join, in one sentence naming the flag and what was expected.</summary>
    public static ArgumentException CannotJoin(ClusterAddress cluster, Exception e) => new(
        $"{ClusterAddress.Flag} {cluster}: cannot join the cluster ({Briefly(e)}); expected a redis-server " +
        $"listening there and, for an arena, `sirarena silo {ClusterAddress.Flag} {cluster}` running on at least one machine", e);

    /// <summary>A failure of the cluster in one line: its type and the first line of its message, since Orleans's messages run to several.</summary>
    public static string Briefly(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";

    /// <summary>
    /// How soon a silo that stops answering is declared dead, which is how soon its served matches move: Orleans places
    /// a grain's next activation elsewhere only once the grain's silo is declared dead. A probe every 1 to 3 s (the
    /// timeout adapts between those bounds to the answers seen), 3 missed in a row to suspect a silo, and 2 votes to
    /// declare it dead (Orleans asks at most half the active silos, so one vote in a cluster of two): a killed silo is
    /// out some 10 s after its death on a LAN or loopback, where the defaults (5 s probes that adapt up to 20 s) take up
    /// to a minute. The timeouts stay above a second so that a silo busy with matches on a loaded machine is not taken
    /// for dead, and Orleans never votes out a silo whose connection still brings messages. A killed silo started again
    /// on its address retires its dead generation itself, sooner still.
    /// </summary>
    static void DeclareDeathQuickly(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.MinProbeTimeout = TimeSpan.FromSeconds(1);
        options.MaxProbeTimeout = TimeSpan.FromSeconds(3);
        options.NumMissedProbesLimit = 3;
        options.NumVotesForDeathDeclaration = 2;
    }

    static void Identify(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ClusterId;
    }

    /// <summary>Match orders and results travel as the replays' JSON, which reads every round back bit for bit.
    /// Exceptions keep Orleans's own codec.</summary>
    static void ReplayTypesAsJson(ISerializerBuilder serializer) => serializer.AddJsonSerializer(
        type => type.Namespace?.StartsWith("SirArena.", StringComparison.Ordinal) == true && !type.IsAssignableTo(typeof(Exception)),
        ReplayJson.Options);
}
