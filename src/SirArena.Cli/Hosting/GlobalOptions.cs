using System.CommandLine;
using Microsoft.Extensions.Logging;
using SirArena.Llm.Runtime;

namespace SirArena.Cli.Hosting;

/// <summary>How much the log says, in the words of the dotnet CLI's own --verbosity.</summary>
public enum Verbosity { Quiet, Minimal, Normal, Detailed, Diagnostic }

/// <summary>
/// The options every verb accepts, declared once on the root command and recursive, so that they may stand before or
/// after the verb (<c>sirarena --config my.json play</c> and <c>sirarena play --config my.json</c> alike).
/// </summary>
public static class GlobalOptions
{
    public const string ConfigName = "--config";
    public const string VerbosityName = "--verbosity";
    public const string DeviceName = "--device";

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(new Option<string?>(ConfigName)
        {
            Description = "arena configuration (default: arena.json in the current folder, else the one of the repository the program was built in)",
            Recursive = true,
        });
        root.Options.Add(new Option<Verbosity?>(VerbosityName, "-v")
        {
            Description = "how much the log says: quiet, minimal, normal, detailed or diagnostic (default: minimal; serve and silo: normal); " +
                          "it overrides the Logging section of the configuration",
            Recursive = true,
        });
        root.Options.Add(new Option<string?>(DeviceName)
        {
            Description = $"where the language model computes: {ComputeDevice.Names} (default: cpu; overrides Arena:Device)",
            Recursive = true,
        });
    }

    /// <summary>The --config option itself, for verbs that must tell whether it was given.</summary>
    public static Option ConfigOption(ParseResult parse) => parse.RootCommandResult.Command.Options.First(o => o.Name == ConfigName);

    public static string? Config(ParseResult parse) => parse.GetValue<string?>(ConfigName);

    public static string? Device(ParseResult parse) => parse.GetValue<string?>(DeviceName);

    public static LogLevel? LogLevel(ParseResult parse) => parse.GetValue<Verbosity?>(VerbosityName) switch
    {
        Verbosity.Quiet => Microsoft.Extensions.Logging.LogLevel.Error,
        Verbosity.Minimal => Microsoft.Extensions.Logging.LogLevel.Warning,
        Verbosity.Normal => Microsoft.Extensions.Logging.LogLevel.Information,
        Verbosity.Detailed => Microsoft.Extensions.Logging.LogLevel.Debug,
        Verbosity.Diagnostic => Microsoft.Extensions.Logging.LogLevel.Trace,
        _ => null,
    };
}
