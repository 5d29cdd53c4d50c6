using System.Diagnostics;
using SirArena.Arena.Agents;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Statistics;
using Spectre.Console;

namespace SirArena.Cli.Views;

/// <summary>
/// What `play` shows while it runs: rounds, rolling and total win/tie/loss, cache fill and speed. In a terminal it
/// is a live table; when the output is redirected it is one plain line every <c>reportEvery</c> rounds.
/// </summary>
public sealed class PlayView(TextWriter output, Match match, int rollingWindow = 100)
{
    readonly Queue<Outcome> recent = new();
    readonly GroceryTally grocery = new();
    readonly long started = Stopwatch.GetTimestamp();
    readonly IMemoryAgent? memory = match.Agent as IMemoryAgent;

    MatchTally Tally => match.Tally;
    public long Rounds => match.RoundsPlayed;
    int CachedTokens => memory?.CachedTokens ?? 0;
    int Budget => memory?.Budget ?? 0;
    public double RoundsPerSecond => Rounds / Math.Max(1e-9, Stopwatch.GetElapsedTime(started).TotalSeconds);

    public void Add(RoundResult result)
    {
        if (result is GroceryRoundResult g) grocery.Add(g);
        if (result.Outcome != Outcome.Unscored)
        {
            recent.Enqueue(result.Outcome);
            if (recent.Count > rollingWindow) recent.Dequeue();
        }
    }

    public Table Table()
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "win", "tie", "loss");
        Row(table, "rounds", Rounds.ToString(), $"{RoundsPerSecond:F1} rounds/s", $"cache {CachedTokens}/{Budget}");
        Row(table, $"last {recent.Count}", Share(Outcome.Win), Share(Outcome.Tie), Share(Outcome.Loss));
        Row(table, "all", Tally.WinRate.ToString(), Tally.TieRate.ToString(), Tally.LossRate.ToString());
        return table;
    }

    /// <summary>Cells are plain text: the rates' "[low, high]" intervals would otherwise read as markup tags.</summary>
    static void Row(Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => new Text(c)).ToArray());
    }

    public string Line() =>
        $"round {Rounds}: win {Tally.WinRate} tie {Tally.TieRate} loss {Tally.LossRate} | last {recent.Count}: win {Share(Outcome.Win)} | cache {CachedTokens}/{Budget} | {RoundsPerSecond:F1} rounds/s";

    public void WriteSummary(string scenario, string agent, string? replay)
    {
        output.WriteLine($"{agent} against {scenario}: {Rounds} rounds at {RoundsPerSecond:F1} rounds/s");
        output.WriteLine($"  win  {Tally.WinRate} (95% Wilson interval)");
        output.WriteLine($"  tie  {Tally.TieRate}");
        output.WriteLine($"  loss {Tally.LossRate}");
        if (grocery.Recall.Trials > 0)
            output.WriteLine($"  grocery recall {grocery.Recall}, other questions {grocery.Unrelated}");
        if (CachedTokens > 0) output.WriteLine($"  cache {CachedTokens}/{Budget} tokens");
        if (replay is not null) output.WriteLine($"  replay {replay}");
    }

    string Share(Outcome outcome) => recent.Count == 0 ? "-" : $"{Proportion.Percent(recent.Count(o => o == outcome) / (double)recent.Count)} %";
}
