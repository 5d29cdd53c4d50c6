using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SirArena.Arena.Cluster;

namespace SirArena.Cli.Tests.Support;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port, with no persistence, for the cluster tests; killed
/// and its folder removed when disposed. Without redis-server the test fails, saying how to install it.
/// </summary>
public sealed class RedisServer : IDisposable
{
    const string Program = "/usr/bin/redis-server";
    readonly Process process;
    readonly string folder = Path.Combine(Path.GetTempPath(), "sirarena-redis-" + Guid.NewGuid().ToString("N"));

    public int Port { get; } = FreePort();
    public ClusterAddress Address => new("127.0.0.1", Port);

    public RedisServer()
    {
        if (!File.Exists(Program))
            throw new InvalidOperationException($"{Program} is missing: the cluster tests need a real Redis server (apt-get install -y redis-server; .ci/run installs it)");
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(Program) { UseShellExecute = false };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", folder, "--logfile", Path.Combine(folder, "redis.log") })
            start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        WaitUntilListening();
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    void WaitUntilListening()
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited at start with code {process.ExitCode}; see {folder}/redis.log");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 10 s");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
