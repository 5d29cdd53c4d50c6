using System.Globalization;

namespace SirArena.Cli.Views;

/// <summary>
/// The rounds an HTML inspector page holds, first to last inclusive. The page's size grows with the stream it covers,
/// so a long replay is cut to a window: <c>--rounds FROM-TO</c>, else the whole replay up to
/// <see cref="DefaultWindow"/> rounds, else its last <see cref="DefaultWindow"/>.
/// </summary>
public readonly record struct RoundRange(long From, long To)
{
    public const long DefaultWindow = 5000;

    public long Count => To - From + 1;

    /// <summary>"FROM-TO" as typed after <c>--rounds</c>; anything else is refused naming the flag.</summary>
    public static RoundRange Parse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from <= to)
            return new RoundRange(from, to);
        throw new ArgumentException($"--rounds \"{text}\": expected FROM-TO, two round numbers with FROM no larger than TO, e.g. 0-1999");
    }

    /// <summary>The default window of a replay whose rounds run from 0 to <paramref name="last"/>.</summary>
    public static RoundRange Default(long last) => new(Math.Max(0, last - DefaultWindow + 1), last);
}
