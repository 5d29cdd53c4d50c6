using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SirArena.Arena.Matches;
using SirArena.Arena.Service;
using SirArena.Arena.Tournament;
using SirArena.Llm.Runtime;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Hosting;

/// <summary>
/// The Generic Host every verb runs in: configuration from arena.json (the one named by --config, else the one
/// in the current folder or above the program), then SIRARENA_ environment variables, then the verb's own
/// command-line overrides; options bound strictly and validated; the arena's services registered once.
/// </summary>
public static class ArenaHost
{
    public const string DefaultConfigFile = "arena.json";
    /// <summary>Where a refused device came from, for the one sentence that refuses it.</summary>
    public const string DeviceSource = $"{GlobalOptions.DeviceName} (or {ArenaOptions.Section}:{nameof(ArenaOptions.Device)})";

    /// <summary>
    /// A verb's host: the configuration named by --config, the verb's <paramref name="overrides"/>, and its default
    /// log level, which the configuration's Logging section refines and --verbosity overrides.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(ParseResult parse, IDictionary<string, string?>? overrides = null, LogLevel logLevel = LogLevel.Warning)
    {
        overrides = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        if (GlobalOptions.LogLevel(parse) is { } verbosity) overrides["Logging:LogLevel:Default"] = verbosity.ToString();
        if (GlobalOptions.Device(parse) is { } device) overrides[$"{ArenaOptions.Section}:{nameof(ArenaOptions.Device)}"] = device;
        return CreateBuilder(GlobalOptions.Config(parse), overrides, logLevel);
    }

    public static HostApplicationBuilder CreateBuilder(string? configPath, IDictionary<string, string?>? overrides = null, LogLevel logLevel = LogLevel.Warning)
    {
        var file = ConfigFile.Resolve(configPath);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Path.GetDirectoryName(file) ?? Directory.GetCurrentDirectory(),
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("SIRARENA_");
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        ConfigurationKeys.Check(builder.Configuration, file);
        // The verb's level is the default; arena.json's or SIRARENA_Logging__ settings refine it, as in any .NET host.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel)
            .AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.AddSirArena(file);
        return builder;
    }

    /// <summary>Registers the arena's options and services.</summary>
    public static void AddSirArena(this IHostApplicationBuilder builder, string configFile)
    {
        builder.Services.AddSingleton(new ConfigFile(configFile));
        builder.Services.AddOptions<ArenaOptions>()
            .Bind(builder.Configuration.GetSection(ArenaOptions.Section), o => o.ErrorOnUnknownConfiguration = true);
        builder.Services.AddSingleton<IValidateOptions<ArenaOptions>, ArenaOptionsValidator>();
        builder.Services.AddOptions<ServeOptions>()
            .Bind(builder.Configuration.GetSection(ServeOptions.Section), o => o.ErrorOnUnknownConfiguration = true);
        builder.Services.AddSingleton(sp => ScenarioCatalog.Load(sp.GetRequiredService<ConfigFile>().PathOf(sp.Arena().Scenarios)));
        builder.Services.AddSingleton(sp => new MatchFactory(sp.GetRequiredService<ScenarioCatalog>(), sp.GetRequiredService<ConfigFile>().PathOf(sp.Arena().Model),
            ComputeDevice.Parse(sp.Arena().Device, DeviceSource)));
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ArenaMetrics>();
    }

    /// <summary>The bound, validated arena options; a bad configuration names its file.</summary>
    public static ArenaOptions Arena(this IServiceProvider services) => Bound<ArenaOptions>(services);

    /// <summary>The bound serve options (arena.json's "Serve" section), validated; a bad configuration names its file.</summary>
    public static ServeOptions Serve(this IServiceProvider services)
    {
        var options = Bound<ServeOptions>(services);
        try
        {
            return options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{services.GetRequiredService<ConfigFile>().Path}: invalid configuration: {e.Message}", e);
        }
    }

    static T Bound<T>(IServiceProvider services) where T : class
    {
        try
        {
            return services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            // Binding failures (a value that does not convert, an unknown key) and validation failures alike.
            throw new InvalidDataException($"{services.GetRequiredService<ConfigFile>().Path}: invalid configuration: {UserErrors.ConfigurationProblem(e)}", e);
        }
    }
}

/// <summary>The configuration file in use; relative paths inside it are relative to its folder.</summary>
public sealed record ConfigFile(string Path)
{
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    public string PathOf(string relativeOrAbsolute) => System.IO.Path.GetFullPath(relativeOrAbsolute, Folder);

    /// <summary>--config as given; else arena.json in the current folder; else the one beside SirArena.sln above the program.</summary>
    public static string Resolve(string? configPath)
    {
        if (configPath is not null)
            return File.Exists(configPath) ? System.IO.Path.GetFullPath(configPath) : throw new FileNotFoundException($"{configPath}: configuration file not found", configPath);
        var here = System.IO.Path.GetFullPath(ArenaHost.DefaultConfigFile);
        if (File.Exists(here)) return here;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, ArenaHost.DefaultConfigFile);
            if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "SirArena.sln"))) return candidate;
        }
        throw new FileNotFoundException($"{ArenaHost.DefaultConfigFile}: not found in {Directory.GetCurrentDirectory()} nor beside the program's SirArena.sln; pass --config PATH");
    }
}
