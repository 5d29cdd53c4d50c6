using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using SirArena.Arena.Service;
using SirArena.Arena.Tournament;

namespace SirArena.Cli.Hosting;

/// <summary>
/// Every configuration key (from arena.json and SIRARENA_ environment variables) checked against the options it
/// binds to before anything binds, so a misspelt section or key is an error naming its full path and the keys
/// known there, rather than being ignored or reported in the binder's words.
/// </summary>
public static class ConfigurationKeys
{
    static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [ArenaOptions.Section] = typeof(ArenaOptions),
        [ServeOptions.Section] = typeof(ServeOptions),
        [MetricsOptions.Section] = typeof(MetricsOptions),
    };

    /// <summary>The Generic Host's own section; its keys are the logging providers' and are not checked here.</summary>
    const string Logging = "Logging";

    public static void Check(IConfigurationRoot configuration, string configFile)
    {
        // Only what the user wrote is checked: the host adds keys of its own (contentRoot) through other providers.
        var userKeys = configuration.Providers
            .Where(p => p is JsonConfigurationProvider or EnvironmentVariablesConfigurationProvider)
            .SelectMany(p => p.GetChildKeys([], null))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var section in userKeys.Select(configuration.GetSection))
        {
            if (section.Key.Equals(Logging, StringComparison.OrdinalIgnoreCase)) continue;
            if (!Sections.TryGetValue(section.Key, out var type))
                throw new InvalidDataException(
                    $"{Source(configuration, section.Path, configFile)}: unknown section \"{section.Key}\"; known: {string.Join(", ", Sections.Keys)}, {Logging}");
            CheckKeys(configuration, section, type, configFile);
        }
    }

    static void CheckKeys(IConfigurationRoot root, IConfigurationSection section, Type type, string configFile)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var propertyType))
                throw new InvalidDataException(
                    $"{Source(root, child.Path, configFile)}: unknown key \"{child.Path}\"; known keys: {string.Join(", ", properties.Keys)}");
            // A dictionary's keys are the user's own names (Arena:Pools:biased), so there is nothing to check them against.
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>)) continue;
            var element = propertyType.IsArray ? propertyType.GetElementType()! : propertyType;
            if (!element.IsClass || element == typeof(string)) continue;
            if (propertyType.IsArray)
                foreach (var item in child.GetChildren()) CheckKeys(root, item, element, configFile);
            else
                CheckKeys(root, child, element, configFile);
        }
    }

    /// <summary>Where a key came from: the environment variable that set it, else the configuration file.</summary>
    static string Source(IConfigurationRoot root, string path, string configFile)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            bool has = provider.TryGet(path, out _) || provider.GetChildKeys([], path).Any();
            if (!has) continue;
            return provider is EnvironmentVariablesConfigurationProvider
                ? $"environment variable SIRARENA_{path.Replace(":", "__")}"
                : configFile;
        }
        return configFile;
    }
}
