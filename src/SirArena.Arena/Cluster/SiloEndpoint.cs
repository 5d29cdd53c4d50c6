using System.Net;

namespace SirArena.Arena.Cluster;

/// <summary>Where a silo is reached: the address it gives the cluster (null: this machine's own, found by Orleans),
/// the port silos talk to each other on, and the port arenas connect to.</summary>
public sealed record SiloEndpoint(IPAddress? Address, int SiloPort, int GatewayPort)
{
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
}
