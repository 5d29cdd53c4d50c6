using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SirArena.Arena.Service;

namespace SirArena.Cli.Hosting;

/// <summary>
/// The OpenTelemetry exporters of the SirArena meter that <see cref="MetricsOptions"/> asks for: a Prometheus scrape
/// endpoint and an OTLP push, each off unless configured. dotnet-counters reads the meter without any of this.
/// </summary>
public static class MetricsExport
{
    /// <summary>Registers the exporters the configuration names (none by default); a malformed setting is refused here, before anything runs.</summary>
    public static void AddMetricsExport(this IHostApplicationBuilder builder)
    {
        var options = Options(builder.Configuration);
        var prometheus = options.PrometheusEndpoint();
        var otlp = options.OtlpEndpoint();
        if (prometheus is null && otlp is null) return;
        builder.Services.AddSingleton(options);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("sirarena"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ArenaMetrics.MeterName);
                if (prometheus is var (host, port, path))
                    metrics.AddPrometheusHttpListener(o =>
                    {
                        o.Host = host;
                        o.Port = port;
                        o.ScrapeEndpointPath = path;
                    });
                if (otlp is not null)
                    metrics.AddOtlpExporter(o =>
                    {
                        o.Endpoint = otlp;
                        o.Protocol = options.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                    });
            });
    }

    /// <summary>
    /// Starts the exporters now: a verb that never starts its host (soak) would otherwise export nothing, and a port
    /// already taken is a user error named here rather than a failure halfway through the host's start.
    /// </summary>
    public static void Start(IServiceProvider services)
    {
        if (services.GetService<MetricsOptions>() is not { } options) return;
        try
        {
            _ = services.GetRequiredService<MeterProvider>();
        }
        catch (Exception e) when (Cause(e) is { } cause)
        {
            throw new IOException($"{MetricsOptions.Section}:{nameof(MetricsOptions.Prometheus)} (--prometheus) {options.Prometheus}: cannot listen there: {cause.Message}", e);
        }
    }

    static MetricsOptions Options(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new MetricsOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException($"{MetricsOptions.Section}: {UserErrors.ConfigurationProblem(e)}", e);
        }
    }

    static Exception? Cause(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is HttpListenerException or SocketException) return x;
        return null;
    }
}
