using System.Globalization;
using SirArena.Arena.Replays;

namespace SirArena.Cli.Views;

/// <summary>
/// <c>replay FILE --html [OUT] [--compare FILE2] [--rounds FROM-TO]</c>: reads one replay, or two of the same
/// scenario and seed, over one round range, and writes the inspector page (<see cref="ReplayHtml"/>).
/// </summary>
public static class InspectorPage
{
    /// <summary>Writes the page and returns the rounds it holds.</summary>
    public static RoundRange Write(string path, string? outPath, string? comparePath, string? roundsText, long? openAt, bool prefix,
        TextWriter output, TextWriter error)
    {
        var target = string.IsNullOrEmpty(outPath) ? Path.ChangeExtension(path, ".html") : outPath;
        if (comparePath is not null) SameMatch(path, comparePath, prefix);
        long last = InspectorData.LastRound(path, prefix);
        if (comparePath is not null) last = Math.Min(last, InspectorData.LastRound(comparePath, prefix));
        if (last < 0) throw new ArgumentException($"{path} holds no complete round to show");
        RoundRange range;
        string? note = null;
        if (roundsText is not null) range = RoundRange.Parse(roundsText);
        else
        {
            range = RoundRange.Default(last);
            if (range.From > 0)
            {
                note = $"the replay holds rounds 0 to {last}; this page holds the last {range.Count} (rounds {range.From} to {range.To}); --rounds FROM-TO writes others";
                error.WriteLine($"sirarena: {note}");
            }
        }
        var open = openAt ?? range.From;
        if (open < range.From || open > range.To)
            throw new ArgumentException($"--round {open} lies outside the page's rounds {range.From} to {range.To}");
        var sides = new List<InspectorData> { InspectorData.Read(path, range, prefix) };
        if (comparePath is not null) sides.Add(InspectorData.Read(comparePath, range, prefix));
        var text = ReplayHtml.Page(sides, range, open, note);
        File.WriteAllText(target, text);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {target} ({new FileInfo(target).Length / 1024.0:F0} KiB, rounds {range.From} to {range.To})"));
        return range;
    }

    /// <summary>Two replays compare only when they are the same scenario and seed (the same moves of the opponent).</summary>
    static void SameMatch(string path, string comparePath, bool prefix)
    {
        var a = ReplayChain.Open(path, prefix).Header.Match;
        var b = ReplayChain.Open(comparePath, prefix).Header.Match;
        if (a.Scenario != b.Scenario || a.Seed != b.Seed)
            throw new ArgumentException(
                $"--compare needs two replays of the same scenario and seed: {path} is {a.Scenario} seed {a.Seed}, {comparePath} is {b.Scenario} seed {b.Seed}");
    }
}
