using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SirArena.Cli.Hosting;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>--config and --verbosity, declared once for every verb, and the examples every verb's help ends with.</summary>
public class GlobalOptionsTests
{
    /// <summary>Every command below the root, by the words that call it ("play", "bench engine").</summary>
    static IEnumerable<(string Path, Command Command)> Verbs(Command command, string path = "") =>
        command.Subcommands.SelectMany(c => Verbs(c, (path + " " + c.Name).Trim()).Prepend(((path + " " + c.Name).Trim(), c)));

    public static TheoryData<string> VerbPaths() => [.. Verbs(SirArenaCommandLine.Create()).Select(v => v.Path)];

    [Theory]
    [InlineData("--config", "{0}", "play")]
    [InlineData("play", "--config", "{0}")]
    [InlineData("--config", "{0}", "bench", "play")]
    [InlineData("bench", "play", "--config", "{0}")]
    public void The_configuration_may_be_named_before_or_after_the_verb(params string[] args)
    {
        var parse = SirArenaCommandLine.Create().Parse([.. args.Select(a => string.Format(a, "/tmp/other.json"))]);

        parse.Errors.Should().BeEmpty();
        GlobalOptions.Config(parse).Should().Be("/tmp/other.json");
    }

    [Theory]
    [InlineData("play")]
    [InlineData("arena")]
    [InlineData("serve")]
    [InlineData("soak", "--rounds", "5")]
    [InlineData("train", "--steps", "1")]
    [InlineData("bench", "play")]
    [InlineData("silo", "--cluster", "redis://127.0.0.1:6379")]
    public async Task Every_verb_that_reads_the_configuration_refuses_a_missing_file_by_name(params string[] verb)
    {
        var missing = Path.Combine(Path.GetTempPath(), "sirarena-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var (code, _, error) = await CliRun.Invoke(["--config", missing, .. verb]);

        code.Should().Be(2);
        error.Should().Contain(missing).And.Contain("not found").And.NotContain("   at ");
    }

    [Theory]
    [InlineData(null, null, LogLevel.Warning)]
    [InlineData("detailed", null, LogLevel.Debug)]
    [InlineData("quiet", null, LogLevel.Error)]
    [InlineData(null, "Debug", LogLevel.Debug)]
    [InlineData("quiet", "Debug", LogLevel.Error)]
    [InlineData("diagnostic", "Warning", LogLevel.Trace)]
    public void Verbosity_overrides_the_configurations_logging_level_which_overrides_the_verbs_default(string? verbosity, string? configured, LogLevel lowestEnabled)
    {
        using var arena = new ArenaFolder();
        if (configured is not null)
            File.WriteAllText(arena.Config, File.ReadAllText(arena.Config).TrimEnd()[..^1] + $$""", "Logging": { "LogLevel": { "Default": "{{configured}}" } } }""");
        string[] args = verbosity is null ? ["play", "--config", arena.Config] : ["play", "--config", arena.Config, "--verbosity", verbosity];
        var parse = SirArenaCommandLine.Create().Parse(args);

        using var host = ArenaHost.CreateBuilder(parse).Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        Enum.GetValues<LogLevel>().Where(l => l != LogLevel.None).Where(logger.IsEnabled)
            .Should().OnlyContain(l => l >= lowestEnabled).And.Contain(lowestEnabled);
    }

    [Fact]
    public void Verbosity_outside_its_five_words_is_a_usage_error_naming_the_option()
    {
        var parse = SirArenaCommandLine.Create().Parse(["play", "--verbosity", "loud"]);

        parse.Errors.Should().ContainSingle().Which.Message.Should().Contain("loud").And.Contain("--verbosity");
    }

    [Theory]
    [MemberData(nameof(VerbPaths))]
    public void Every_verb_has_examples_and_each_parses_as_written(string verb)
    {
        var root = SirArenaCommandLine.Create();
        var command = Verbs(root).Single(v => v.Path == verb).Command;

        var examples = HelpExamples.Of(command);

        examples.Should().NotBeEmpty();
        foreach (var example in examples)
        {
            var words = example.CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            words[0].Should().Be("sirarena");
            var parse = root.Parse(words[1..]);
            parse.Errors.Should().BeEmpty(example.CommandLine);
            Verbs(command).Select(v => v.Command).Prepend(command)
                .Should().Contain(parse.CommandResult.Command, $"\"{example.CommandLine}\" runs {verb} or one of its own verbs");
        }
    }

    [Theory]
    [InlineData("play")]
    [InlineData("bench", "engine")]
    [InlineData("replay")]
    public async Task A_verbs_help_ends_with_its_examples(params string[] verb)
    {
        var (code, output, _) = await CliRun.Invoke([.. verb, "--help"]);

        code.Should().Be(0);
        var examples = output[output.IndexOf("Examples:", StringComparison.Ordinal)..];
        examples.Should().Contain($"sirarena {string.Join(' ', verb)} ");
        output.IndexOf("Options:", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("Examples:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("play", "--rounds", "1")]
    [InlineData("arena", "--rounds", "1")]
    public async Task A_device_the_machine_lacks_or_that_is_no_device_is_refused_in_one_sentence_naming_the_flag(params string[] verb)
    {
        using var arena = new ArenaFolder();
        foreach (var (device, expected) in new[] { ("tpu", "*--device*\"tpu\" is not a device; expected cpu, cuda or cuda:N*"), ("cuda:7", "*--device*cuda:7*") })
        {
            if (device == "cuda:7" && TorchSharp.torch.cuda.is_available() && TorchSharp.torch.cuda.device_count() > 7) continue;
            var (code, _, error) = await CliRun.Invoke([.. verb, "--device", device, "--config", arena.Config]);

            code.Should().Be(2, device);
            error.Should().Match(expected);
            error.Trim().Split('\n').Should().ContainSingle(device);
        }
        arena.Replays().Should().BeEmpty("nothing runs on a refused device");
    }
}
