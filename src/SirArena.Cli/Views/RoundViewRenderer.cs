using SirArena.Arena.Replays;
using Spectre.Console;

namespace SirArena.Cli.Views;

/// <summary>
/// Shows one replayed round: the user turn, the candidates with their scores, and the text the agent still holds
/// with every token coloured by its score (dim grey for template text near zero, through yellow, to bold red for the
/// most surprising tokens), then what the round evicted. Plain text with [score] tags when colour is off.
/// </summary>
public static class RoundViewRenderer
{
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
        console.WriteLine();
        console.MarkupLine($"[bold]retained after the round[/] ({view.Retained.Count} tokens; colour = score, max {view.MaxRetainedScore:F2} nats):");
        console.MarkupLine(Tokens(view.Retained, view.MaxRetainedScore));
        console.WriteLine();
        console.MarkupLine($"[bold]evicted this round[/] ({view.Evicted.Count} tokens):");
        console.MarkupLine(view.Evicted.Count == 0 ? "[grey](none)[/]" : Tokens(view.Evicted, view.MaxRetainedScore));
    }

    static string Tokens(IReadOnlyList<RememberedToken> tokens, float max) =>
        string.Concat(tokens.Select(t => $"[{Colour(t.Score, max)}]{Markup.Escape(Visible(t.Text))}[/]"));

    static string Colour(float score, float max)
    {
        double share = max <= 0 ? 0 : Math.Clamp(score / max, 0, 1);
        return share switch
        {
            < 0.05 => "grey",
            < 0.25 => "white",
            < 0.5 => "yellow",
            < 0.75 => "orange1",
            _ => "bold red",
        };
    }

    /// <summary>Line breaks inside the held text are shown as ⏎ so the memory reads as one stream.</summary>
    static string Visible(string text) => text.Replace("\n", "⏎");
}
