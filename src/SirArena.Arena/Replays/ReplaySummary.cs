using System.Globalization;
using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Statistics;

namespace SirArena.Arena.Replays;

/// <summary>
/// What `sirarena replay FILE` shows, as data: who played what, for how many rounds, with win/tie/loss rates and
/// their Wilson 95% intervals, grocery recall when the scenario asks recall questions, and whether the recording
/// was cut off. Read in one streaming pass, so it works on files of any length. A chain with a break is refused
/// (<see cref="ReplayChain"/>) unless the prefix is asked for; then the rounds up to the break are summarised and
/// <see cref="Stopped"/> says where and why the reading stopped.
/// </summary>
public sealed record ReplaySummary(
    string Path, ReplayHeader Header, long Rounds, MatchTally Tally, GroceryTally? Grocery, bool WasCutOff, long? CutOffLine)
{
    public static ReplaySummary Read(string path, bool prefix = false)
    {
        var chain = ReplayChain.Open(path, prefix);
        var tally = new MatchTally();
        GroceryTally? grocery = null;
        long rounds = 0;
        foreach (var round in chain.ReadRounds())
        {
            tally.Add(round.Result.Outcome);
            if (round.Result is GroceryRoundResult g) (grocery ??= new GroceryTally()).Add(g);
            rounds++;
        }
        return new ReplaySummary(path, chain.Header, rounds, tally, grocery, chain.WasCutOff, chain.CutOffLine)
        {
            Files = chain.Files.Count,
            Stopped = chain.Break?.Message,
        };
    }

    /// <summary>How many files the match's chain of replays spans.</summary>
    public int Files { get; init; } = 1;

    /// <summary>Read for the prefix only: the break the reading stopped at (file, line, what is wrong); null when whole.</summary>
    public string? Stopped { get; init; }

    /// <summary>The summary as plain "label  value" lines, uncoloured.</summary>
    public IReadOnlyList<string> Lines()
    {
        var match = Header.Match;
        var agent = match.Agent;
        var lines = new List<string>
        {
            Line("replay", Path + (WasCutOff && Stopped is null ? $" (cut off at line {CutOffLine}: the round in flight was lost)" : "")),
            Line("scenario", $"{match.Scenario}, seed {match.Seed}"),
            Line("agent", agent.IsLlm
                ? $"{agent.Name}: policy {agent.Policy}, budget {agent.Budget}, start {agent.Start}, eta {Header.Eta.ToString(CultureInfo.InvariantCulture)}"
                : $"{agent.Name}: baseline {agent.Kind}"),
        };
        if (Header.ModelHash is { } hash) lines.Add(Line("model", $"{agent.Model ?? "(default model)"}, hash {hash[..Math.Min(12, hash.Length)]}"));
        lines.Add(Line("rounds", Rounds == 0 ? "none" : $"{Rounds} (rounds {Header.FirstRound} to {Header.FirstRound + Rounds - 1})"));
        if (Files > 1) lines.Add(Line("files", $"{Files} (a chain rolled every so many rounds; read as one)"));
        if (Stopped is not null) lines.Add(Line("stopped", $"at a break in the chain, so only the rounds before it are summarised: {Stopped}"));
        lines.Add(Line("scored", $"{Tally.Scored} rounds ({Tally.Unscored} unscored); rates with Wilson 95% intervals"));
        lines.Add(Line("win", Tally.WinRate.ToString()));
        lines.Add(Line("tie", Tally.TieRate.ToString()));
        lines.Add(Line("loss", Tally.LossRate.ToString()));
        if (Grocery is not null)
        {
            lines.Add(Line("recall", Grocery.Recall.ToString()));
            lines.Add(Line("unrelated", Grocery.Unrelated.ToString()));
        }
        return lines;
    }

    public override string ToString() => string.Join(Environment.NewLine, Lines());

    static string Line(string label, string value) => $"{label,-10}{value}";
}
