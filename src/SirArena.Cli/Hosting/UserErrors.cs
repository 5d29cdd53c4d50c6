using System.Text.Json;
using Microsoft.Extensions.Options;
using SirArena.Arena.Replays;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Memory;
using SirArena.Llm.Runtime;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Hosting;

/// <summary>
/// Turns the failures a user can fix (a malformed arena.json or scenario, an unknown opponent, a missing or
/// truncated checkpoint, a budget a chunk cannot fit) into one clear message on stderr and exit code 2, never a
/// stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class UserErrors
{
    public const int ExitCode = 2;

    public static int Run(Func<int> verb) => RunAsync(() => Task.FromResult(verb())).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Console.Error.WriteLine($"sirarena: {message}");
            return ExitCode;
        }
    }

    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException v => "invalid configuration: " + string.Join("; ", v.Failures),
        InvalidDataException { InnerException: JsonException j } d => $"{ConfigFileOf(d)}line {j.LineNumber + 1}: {j.Message.Split(" Path:")[0]}",
        InvalidOperationException { Message: var m } when m.Contains("configuration", StringComparison.OrdinalIgnoreCase) => "invalid configuration: " + m,
        ScenarioFileException or UnknownScenarioException or CheckpointException or ReplayFormatException or MemoryBudgetException
            or TorchUnavailableException or FileNotFoundException or DirectoryNotFoundException => e.Message,
        InvalidDataException or ArgumentException or IOException => e.Message,
        _ => null,
    };

    static string ConfigFileOf(InvalidDataException e) =>
        e.Message.Split('\'') is { Length: >= 3 } parts ? parts[1] + ": " : "";
}
