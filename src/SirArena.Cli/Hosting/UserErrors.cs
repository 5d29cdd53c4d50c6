using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SirArena.Arena.Agents;
using SirArena.Arena.Replays;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Runtime;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Hosting;

/// <summary>
/// Turns the failures a user can fix (a malformed arena.json or scenario, an unknown opponent, a missing or
/// truncated checkpoint, a budget a chunk cannot fit) into one clear message on stderr and exit code 2, never a
/// stack trace. Anything else is a bug: one line saying so, then its stack trace, and exit code 70. README.md's
/// "Exit codes" lists every code the verbs return.
/// </summary>
public static class UserErrors
{
    public const int ExitCode = 2;
    /// <summary>The run finished but a match failed (arena, serve), or play's match stopped because the model scored NaN.</summary>
    public const int MatchFailedCode = 3;
    /// <summary>An internal failure (EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalErrorCode = 70;
    public const int InterruptedCode = 130;

    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> verb)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await verb();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            error.WriteLine($"sirarena: {OneLine(message)}");
            return ExitCode;
        }
        catch (OperationCanceledException)
        {
            return InterruptedCode;
        }
        catch (Exception e)
        {
            error.WriteLine($"sirarena: internal error: {OneLine(e.Message)}");
            error.WriteLine(e.ToString());
            return InternalErrorCode;
        }
    }

    /// <summary>A message as one line: a multi-line one (a checkpoint's list of problems) joined with "; ".</summary>
    public static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "" : lines.Skip(1).Aggregate(lines[0], (line, next) => line + (line.EndsWith(':') ? " " : "; ") + next);
    }

    public static string? Describe(Exception e) => e switch
    {
        InvalidDataException { Message: var m } when m.StartsWith("Failed to load configuration from file") => ConfigFileOf(e) + JsonProblem(e),
        ScenarioFileException or UnknownScenarioException or CheckpointException or ReplayFormatException or MemoryBudgetException
            or TorchUnavailableException or FileNotFoundException or DirectoryNotFoundException or NonFiniteScoreException
            or UnauthorizedAccessException => e.Message,
        ArgumentException a => a.Plain(),
        InvalidDataException or IOException => e.Message,
        _ => null,
    };

    /// <summary>What a configuration binding or validation failure says, without the binder's generic wrapper.</summary>
    public static string ConfigurationProblem(Exception e) => e is OptionsValidationException v
        ? string.Join("; ", v.Failures)
        : (Chain(e).FirstOrDefault(x => x.Message.StartsWith("Failed to convert")) ?? Chain(e).Last()).Message;

    static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    /// <summary>The JSON reader's own complaint with its line (1-based), without its internal byte positions.</summary>
    static string JsonProblem(Exception e) => Chain(e).OfType<JsonException>().FirstOrDefault() is { } j
        ? $"line {j.LineNumber + 1}: {j.Message.Split(" LineNumber:")[0].Split(" Path:")[0]}"
        : Chain(e).Last().Message;

    static string ConfigFileOf(Exception e) =>
        e.Message.Split('\'') is { Length: >= 3 } parts ? parts[1] + ": " : "";
}
