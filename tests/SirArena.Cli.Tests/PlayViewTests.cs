using SirArena.Cli.Views;
using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;
using Spectre.Console;

namespace SirArena.Cli.Tests;

public class PlayViewTests
{
    [Fact]
    public void The_live_table_renders_rates_with_their_bracketed_intervals()
    {
        using var match = new Match(ScenarioCatalog.LoadDefault().Create("rock-biased", 1), BaselineAgents.Create("oracle", 1));
        var view = new PlayView(TextWriter.Null, match);
        foreach (var result in match.Play(30)) view.Add(result);
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No });

        console.Profile.Width = 200;
        console.Write(view.Table());

        text.ToString().Should().Contain("rounds").And.Contain("30").And.MatchRegex(@"\[\d+\.\d %, \d+\.\d %\]");
    }
}
