namespace SirArena.Arena.Cluster;

/// <summary>
/// Where a cluster's members find each other: the Redis server that holds the Orleans membership table, written
/// <c>redis://HOST:PORT</c>. Every silo and every arena of one cluster names the same server.
/// </summary>
public sealed record ClusterAddress(string Host, int Port)
{
    public const string Flag = "--cluster";
    public const string Scheme = "redis";
    public const string Expected = "redis://HOST:PORT, the Redis server that holds the cluster's membership";

    /// <summary>What StackExchange.Redis connects to: "HOST:PORT".</summary>
    public string RedisConnection => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public override string ToString() => $"{Scheme}://{RedisConnection}";

    /// <summary>The address <paramref name="text"/> names, or null with <paramref name="problem"/> saying in one
    /// sentence, naming the flag, what is wrong and what was expected.</summary>
    public static ClusterAddress? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme == Scheme && uri.Host.Length > 0 && !uri.IsDefaultPort && uri.Port is > 0 and <= 65535
            && uri.AbsolutePath is "" or "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
            return new ClusterAddress(uri.IdnHost.Trim('[', ']'), uri.Port);
        problem = $"{Flag} {text}: is not a cluster address; expected {Expected} (for example redis://10.0.0.5:6379)";
        return null;
    }
}
