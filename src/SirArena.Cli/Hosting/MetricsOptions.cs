using System.CommandLine;
using System.Net;

namespace SirArena.Cli.Hosting;

/// <summary>
/// Where `serve` and `soak` export the SirArena meter besides dotnet-counters (which needs nothing): arena.json's
/// "Metrics" section, SIRARENA_Metrics__* environment variables, or --prometheus / --otlp. Both are off by default.
/// </summary>
public sealed record MetricsOptions
{
    public const string Section = "Metrics";
    public const string DefaultScrapePath = "/metrics";

    /// <summary>The scrape URL a Prometheus listener serves, e.g. http://127.0.0.1:9464/metrics (a path of "/" means /metrics).</summary>
    public string? Prometheus { get; init; }
    /// <summary>Lets <see cref="Prometheus"/> listen on an address other machines reach (0.0.0.0 or [::] for every interface).</summary>
    public bool AllowRemote { get; init; }
    /// <summary>An OpenTelemetry collector to push to, e.g. http://localhost:4317 (gRPC).</summary>
    public string? Otlp { get; init; }
    /// <summary>"grpc", or "http/protobuf" with the full URL (http://localhost:4318/v1/metrics).</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>
    /// The Prometheus listener's host, port and path; null when off. A host that is not this machine's loopback is
    /// refused unless <see cref="AllowRemote"/>: the endpoint has no authentication, so anyone who reaches the port reads it.
    /// </summary>
    public (string Host, int Port, string Path)? PrometheusEndpoint()
    {
        if (string.IsNullOrWhiteSpace(Prometheus)) return null;
        const string what = $"{Section}:{nameof(Prometheus)} (--prometheus)";
        if (!Uri.TryCreate(Prometheus, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Query != "" || uri.Fragment != "")
            throw new ArgumentException($"{what}: \"{Prometheus}\" is not a scrape URL; expected http://HOST:PORT/metrics, e.g. http://127.0.0.1:9464/metrics");
        bool everywhere = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
        if (!uri.IsLoopback && !AllowRemote)
            throw new ArgumentException($"{what}: {uri.Host} is not this machine's loopback, so anyone who reaches port {uri.Port} could read the metrics; " +
                $"use 127.0.0.1 or localhost, or set {Section}:{nameof(AllowRemote)} (SIRARENA_{Section}__{nameof(AllowRemote)}=true) to serve other machines");
        // The listener matches requests by host name; "*" takes them whatever name the scraper used.
        return (everywhere ? "*" : uri.Host, uri.Port, uri.AbsolutePath == "/" ? DefaultScrapePath : uri.AbsolutePath);
    }

    /// <summary>The collector's URL; null when off.</summary>
    public Uri? OtlpEndpoint()
    {
        if (string.IsNullOrWhiteSpace(Otlp)) return null;
        const string what = $"{Section}:{nameof(Otlp)} (--otlp)";
        if (!Uri.TryCreate(Otlp, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{what}: \"{Otlp}\" is not a collector URL; expected http(s)://HOST:PORT, e.g. http://localhost:4317");
        if (OtlpProtocol is not ("grpc" or "http/protobuf"))
            throw new ArgumentException($"{Section}:{nameof(OtlpProtocol)}: expected grpc or http/protobuf, got \"{OtlpProtocol}\"");
        return uri;
    }
}

/// <summary>The --prometheus and --otlp flags of the verbs that serve matches, and the configuration keys they override.</summary>
public sealed class MetricsFlags
{
    readonly Option<string?> prometheus = new("--prometheus")
    {
        Description = $"serve the SirArena metrics for Prometheus at this URL, e.g. http://127.0.0.1:9464/metrics (overrides {MetricsOptions.Section}:{nameof(MetricsOptions.Prometheus)})",
    };
    readonly Option<string?> otlp = new("--otlp")
    {
        Description = $"push the SirArena metrics to this OpenTelemetry collector, e.g. http://localhost:4317 (overrides {MetricsOptions.Section}:{nameof(MetricsOptions.Otlp)})",
    };

    public IEnumerable<Option> Options => [prometheus, otlp];

    /// <summary>Adds what the command line gave to <paramref name="overrides"/>.</summary>
    public void Override(ParseResult parse, IDictionary<string, string?> overrides)
    {
        if (parse.GetValue(prometheus) is { } url) overrides[$"{MetricsOptions.Section}:{nameof(MetricsOptions.Prometheus)}"] = url;
        if (parse.GetValue(otlp) is { } collector) overrides[$"{MetricsOptions.Section}:{nameof(MetricsOptions.Otlp)}"] = collector;
    }
}
