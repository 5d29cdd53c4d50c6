using SirArena.Arena.Replays;
using SirArena.Llm.Memory;
using Spectre.Console;

namespace SirArena.Cli.Views;

/// <summary>
/// Shows one replayed round: the user turn, the candidates with their scores, and the text the agent still holds
/// with every token coloured by its score (a legend names the bands), a grey ‹rN› where the tokens of round N begin
/// and a grey ¦ wherever tokens were evicted from between two held ones, then what the round evicted. Without colour
/// (output piped to a file) the held tokens are listed one per line with their stream index, round and score, so
/// nothing the colours say is lost.
/// </summary>
public static class RoundViewRenderer
{
    static readonly (double Below, string Colour)[] Bands =
        [(0.05, "grey"), (0.25, "white"), (0.5, "yellow"), (0.75, "orange1"), (double.PositiveInfinity, "bold red")];

    public static void Write(ReplayRoundView view, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]round {view.Round}[/]  outcome [bold]{view.Outcome}[/]");
        console.WriteLine(view.UserTurn);
        foreach (var c in view.Candidates)
        {
            // A letter is shown with the option it stands for; an answer that is the option itself (a recalled item) once.
            var label = c.Text == c.Option ? c.Text : $"{c.Text} {c.Option}";
            console.MarkupLine($"  {(c.Chosen ? "[bold green]>[/]" : " ")} {Markup.Escape(label),-14} {c.Score,10:F4}");
        }
        if (!view.HasMemory)
        {
            console.MarkupLine("[grey](a baseline agent: no memory to show)[/]");
            return;
        }
        bool colour = console.Profile.Capabilities.ColorSystem != ColorSystem.NoColors;
        float max = view.MaxRetainedScore, min = view.MinRetainedScore;
        console.WriteLine();
        if (view.Eta is { } eta) console.MarkupLine($"adaptive decay: the round ended with eta [bold]{eta:F3}[/]");
        console.MarkupLine($"[bold]retained after the round[/] ({view.Retained.Count} tokens; score = {view.Scores.Describe()}; max {max:F2}):");
        if (colour)
        {
            console.MarkupLine(Legend(min, max));
            console.MarkupLine(Tokens(view, view.Retained, min, max));
        }
        else
        {
            WriteList(view, view.Retained, console);
        }
        console.WriteLine();
        console.MarkupLine($"[bold]evicted this round[/] ({view.Evicted.Count} tokens):");
        if (view.Evicted.Count == 0) console.MarkupLine("[grey](none)[/]");
        else if (colour) console.MarkupLine(Tokens(view, view.Evicted, min, max));
        else WriteList(view, view.Evicted, console);
    }

    /// <summary>The score bands of the colours, in this round's scale from <paramref name="min"/> (0 unless scores are
    /// negative) to <paramref name="max"/>.</summary>
    static string Legend(float min, float max)
    {
        double low = 0;
        var parts = new List<string>();
        foreach (var (below, colour) in Bands)
        {
            var range = double.IsPositiveInfinity(below) ? $">= {At(low):F2}" : $"{At(low):F2}-{At(below):F2}";
            parts.Add($"[{colour}]{range}[/]");
            low = below;
        }
        return "[grey]legend:[/] " + string.Join(" ", parts) + " [grey]‹rN› round N begins  ¦ tokens evicted here[/]";

        double At(double share) => min + share * (max - min);
    }

    static string Tokens(ReplayRoundView view, IReadOnlyList<RememberedToken> tokens, float min, float max) =>
        string.Concat(tokens.Select((t, i) =>
            (i > 0 && t.StreamIndex != tokens[i - 1].StreamIndex + 1 ? "[grey]¦[/]" : "")
            + (i == 0 || view.RoundOf(t.StreamIndex) != view.RoundOf(tokens[i - 1].StreamIndex) ? $"[grey]‹r{view.RoundOf(t.StreamIndex)}›[/]" : "")
            + $"[{Colour(t.Score, min, max)}]{Markup.Escape(Visible(t.Text))}[/]"));

    static void WriteList(ReplayRoundView view, IReadOnlyList<RememberedToken> tokens, IAnsiConsole console)
    {
        console.WriteLine($"{"stream",8} {"round",6} {"score",8}  text");
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > 0 && t.StreamIndex != tokens[i - 1].StreamIndex + 1) console.WriteLine($"{"¦",8} {"",6} {"",8}  ({t.StreamIndex - tokens[i - 1].StreamIndex - 1} tokens evicted)");
            console.WriteLine($"{t.StreamIndex,8} {view.RoundOf(t.StreamIndex),6} {t.Score,8:F3}  {Visible(t.Text)}");
        }
    }

    static string Colour(float score, float min, float max)
    {
        double share = max <= min ? 0 : Math.Clamp((score - min) / (max - min), 0, 1);
        return Bands.First(b => share < b.Below).Colour;
    }

    /// <summary>Line breaks inside the held text are shown as ⏎ so the memory reads as one stream.</summary>
    static string Visible(string text) => text.Replace("\n", "⏎");
}
