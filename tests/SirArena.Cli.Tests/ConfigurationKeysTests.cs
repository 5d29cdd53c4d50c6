using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SirArena.Arena.Service;
using SirArena.Cli.Hosting;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>The key check refuses only what the options cannot bind: the host's own Logging section stays allowed.</summary>
public class ConfigurationKeysTests
{
    [Fact]
    public void A_Logging_section_and_every_known_key_are_accepted()
    {
        using var arena = new ArenaFolder();
        var json = File.ReadAllText(arena.Config).TrimEnd().TrimEnd('}') + """
            , "Logging": { "LogLevel": { "Default": "Warning" } },
              "Serve": { "Output": "s", "RollEvery": 5, "CheckpointEvery": 2, "StatusSeconds": 1, "StatusFile": "x.json",
                         "Retries": 1, "RetryDelayMs": 1, "BreakAfter": 2 } }
            """;
        File.WriteAllText(arena.Config, json);

        using var host = ArenaHost.CreateBuilder(arena.Config).Build();

        host.Services.Arena().Agents.Should().HaveCount(3);
        host.Services.Serve().Should().Be(new ServeOptions { Output = "s", RollEvery = 5, CheckpointEvery = 2, StatusSeconds = 1, StatusFile = "x.json", Retries = 1, RetryDelayMs = 1, BreakAfter = 2 });
    }

    [Fact]
    public void The_Logging_section_sets_the_log_levels_over_the_verbs_default()
    {
        using var arena = new ArenaFolder();
        using var plain = ArenaHost.CreateBuilder(arena.Config).Build();
        using var debug = ArenaHost.CreateBuilder(arena.Config, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Quiet"] = "Error",
        }).Build();

        Enabled(plain, "SirArena.Arena", LogLevel.Information).Should().BeFalse("the verb's default here is Warning");
        Enabled(debug, "SirArena.Arena", LogLevel.Debug).Should().BeTrue();
        Enabled(debug, "Quiet.Thing", LogLevel.Warning).Should().BeFalse("a category's own level wins");
    }

    static bool Enabled(Microsoft.Extensions.Hosting.IHost host, string category, LogLevel level) =>
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(level);

    [Fact]
    public void Keys_are_matched_ignoring_case_as_the_binder_does()
    {
        using var arena = new ArenaFolder();
        File.WriteAllText(arena.Config, File.ReadAllText(arena.Config).Replace("\"Rounds\": 30", "\"rounds\": 31"));

        using var host = ArenaHost.CreateBuilder(arena.Config).Build();

        host.Services.Arena().Rounds.Should().Be(31);
    }
}
