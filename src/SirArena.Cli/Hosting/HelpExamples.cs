using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace SirArena.Cli.Hosting;

/// <summary>A command line a user can copy from a verb's help, and what it does.</summary>
public sealed record HelpExample(string CommandLine, string What);

/// <summary>
/// An "Examples:" section at the end of each verb's --help. A verb declares its examples where it declares its
/// options (<see cref="WithExamples"/>); the root's --help prints those of the command asked about after the usual text.
/// </summary>
public static class HelpExamples
{
    static readonly ConditionalWeakTable<Command, HelpExample[]> Examples = new();

    public static Command WithExamples(this Command command, params HelpExample[] examples)
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    public static IReadOnlyList<HelpExample> Of(Command command) => Examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Makes <paramref name="root"/>'s --help end with the examples of the command asked about.</summary>
    public static void ShowIn(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction action) help.Action = new HelpWithExamples(action);
    }

    sealed class HelpWithExamples(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parse)
        {
            int code = help.Invoke(parse);
            var examples = Of(parse.CommandResult.Command);
            if (examples.Count == 0) return code;
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example.CommandLine}");
                output.WriteLine($"      {example.What}");
            }
            output.WriteLine();
            return code;
        }
    }
}
