using System.CommandLine;
using SirArena.Cli.Hosting;

namespace SirArena.Cli.Tests;

/// <summary>The exit codes README.md documents for what is not a bad input: a bug is 70, an interruption 130.</summary>
public class ExitCodeTests
{
    static async Task<(int Code, string Error)> Run(Func<Task<int>> verb)
    {
        var command = new RootCommand();
        command.SetAction((parse, _) => UserErrors.RunAsync(parse, verb));
        var error = new StringWriter();
        int code = await command.Parse([]).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        return (code, error.ToString());
    }

    [Fact]
    public async Task An_unexpected_exception_is_an_internal_error_70_with_one_line_then_its_stack_trace()
    {
        var (code, error) = await Run(() => throw new InvalidOperationException("the ledger and the cache disagree"));

        code.Should().Be(70);
        var lines = error.Split('\n');
        lines[0].TrimEnd().Should().Be("sirarena: internal error: the ledger and the cache disagree");
        error.Should().Contain("   at ");
    }

    [Fact]
    public async Task A_user_error_is_2_with_one_line_and_no_stack_trace()
    {
        var (code, error) = await Run(() => throw new ArgumentException("--budget 5: too small"));

        code.Should().Be(2);
        error.TrimEnd().Should().Be("sirarena: --budget 5: too small");
    }

    [Fact]
    public async Task A_cancelled_verb_is_130()
    {
        var (code, error) = await Run(() => throw new OperationCanceledException());

        code.Should().Be(130);
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_command_line_that_does_not_parse_is_2_not_System_CommandLine_s_1()
    {
        var error = new StringWriter();
        int code = await SirArenaCommandLine.InvokeAsync(["play", "--rounds", "abc"], new InvocationConfiguration { Output = new StringWriter(), Error = error }, default);

        code.Should().Be(2);
        error.ToString().TrimEnd().Should().Be("sirarena: --rounds: expected a whole number of rounds, 1 or more, got \"abc\" (see --help)");
    }
}
