using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Cli.Hosting;
using SirArena.Cli.Views;
using Spectre.Console;

namespace SirArena.Cli.Commands;

/// <summary>
/// <c>sirarena replay FILE</c> summarises a match; <c>--round N</c> shows what the agent held at round N and why;
/// <c>--html</c> writes an inspector page to look at in a browser (<see cref="InspectorPage"/>);
/// <c>--verify</c> re-runs the match from the header and confirms it is reproduced round for round. All three read
/// the match's whole chain of files and refuse one with a break (a missing or unreadable file, a gap, a repeat) with
/// exit code 2 naming the file; <c>--prefix</c> lets the summary and <c>--round</c> read the rounds before the break
/// and say where it is, but never <c>--verify</c>, which passes only a chain it read whole. Exit codes: 0 shown or
/// reproduced; 1 a round differs or the match cannot be re-run; 2 bad usage or a replay that cannot be read whole.
/// </summary>
public static class ReplayCommand
{
    /// <summary>The committed sample replay the help examples point at (recorded again whenever the model changes).</summary>
    internal const string SampleReplay = "replays/sample/play-20261203-005943-932-rock-biased-sir-s1.jsonl";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a replay (.jsonl) written by play or arena" };
        var round = NumberOptions.Optional<long>("--round", "show the memory and choice at this round", "a round number, 0 or more", v => v >= 0);
        var verify = new Option<bool>("--verify") { Description = "re-run the match and compare every round" };
        var json = new Option<bool>("--json") { Description = "with --round: write the round as JSON (held and evicted tokens with stream index, id, text and score; candidates; outcome)" };
        var prefix = new Option<bool>("--prefix")
        {
            Description = "read a broken chain up to its break and say where it stopped, instead of refusing it (not with --verify)",
        };
        var html = new Option<string?>("--html")
        {
            Description = "write the inspector, one self-contained HTML page, to OUT (default: the replay's name with .html); with --round it opens at that round",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var compare = new Option<string?>("--compare") { Description = "with --html: a second replay of the same scenario and seed, shown side by side" };
        var rounds = new Option<string?>("--rounds")
        {
            Description = $"with --html: the rounds FROM-TO the page holds (default: all, or the last {RoundRange.DefaultWindow} of a longer replay)",
        };
        var command = new Command("replay", "inspect or verify a replay") { file, round, verify, prefix, json, html, compare, rounds };
        command.SetAction((parse, cancellation) => UserErrors.RunAsync(parse, () =>
        {
            var path = parse.GetValue(file)!;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(verify) && parse.GetValue(round) is not null)
                throw new ArgumentException("--verify and --round do different things; give one of them");
            if (parse.GetValue(verify) && parse.GetValue(prefix))
                throw new ArgumentException("--verify passes only a chain it read whole; leave out --prefix, or use --prefix without --verify to see the rounds before a break");
            bool page = parse.GetResult(html) is not null;
            if (page && (parse.GetValue(verify) || parse.GetValue(json)))
                throw new ArgumentException("--html writes a page; leave out --verify and --json, which do other things");
            if (!page && (parse.GetValue(compare) is not null || parse.GetValue(rounds) is not null))
                throw new ArgumentException("--compare and --rounds shape the --html page; give --html too");
            if (page)
            {
                InspectorPage.Write(path, parse.GetValue(html), parse.GetValue(compare), parse.GetValue(rounds),
                    parse.GetValue(round), parse.GetValue(prefix), output, parse.InvocationConfiguration.Error);
                return Task.FromResult(0);
            }
            if (parse.GetValue(verify))
            {
                using var host = ArenaHost.CreateBuilder(parse).Build();
                var result = new ReplayVerifier(host.Services.GetRequiredService<MatchFactory>()).Verify(path, cancellation);
                output.WriteLine(result.Message);
                return Task.FromResult(result.Reproduced ? 0 : 1);
            }
            if (parse.GetValue(json) && parse.GetValue(round) is null)
                throw new ArgumentException("--json writes one round; give the round with --round N");
            if (parse.GetValue(round) is { } n)
            {
                var chain = ReplayChain.Open(path, parse.GetValue(prefix));
                var view = ReplayRoundView.Read(chain, n, path);
                if (parse.GetValue(json))
                {
                    output.WriteLine(RoundViewJson.Write(view));
                    return Task.FromResult(0);
                }
                // Colour only on a terminal: piped output gets the plain list, which keeps every score.
                bool terminal = output == Console.Out && !Console.IsOutputRedirected;
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(output),
                    Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                    ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                });
                RoundViewRenderer.Write(view, console);
                if (chain.Break is { } broken)
                    output.WriteLine($"the chain breaks after round {n}, so the rounds after the break were not read: {broken.Message}");
                return Task.FromResult(0);
            }
            foreach (var line in ReplaySummary.Read(path, parse.GetValue(prefix)).Lines()) output.WriteLine(line);
            return Task.FromResult(0);
        }));
        return command.WithExamples(
            new HelpExample($"sirarena replay {SampleReplay}", "the match's summary"),
            new HelpExample($"sirarena replay {SampleReplay} --round 29", "what the agent held at round 29, each token with its score, and what it chose"),
            new HelpExample($"sirarena replay {SampleReplay} --round 29 --json", "the same round as JSON"),
            new HelpExample("sirarena replay sir.jsonl --html inspector.html --compare streaming.jsonl", "the inspector page, two replays of the same moves side by side"),
            new HelpExample($"sirarena replay {SampleReplay} --verify", "re-run the match and check every round reproduces"));
    }
}
