using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// The grocery items of the corpus: mostly pronounceable words made up at random (one to three syllables, some of
/// them two-word items), so that no item can be learnt by heart and reading a request back has to be a copy of
/// whatever tokens the request held; and some of the shipped scenario's own items, which play uses by default.
/// An item of <paramref name="heldOut"/> is never drawn: those are kept for measuring the copy on items never seen.
/// </summary>
public sealed class ItemPool
{
    static readonly string[] Onsets =
    [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
        "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sk", "sl", "sn", "sp", "st", "tr", "ch", "sh", "th", "",
    ];
    static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "ie", "y"];
    static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "t", "m", "k", "sh", "nd", "st", "ck", "ng", "x"];

    readonly IReadOnlyList<string> shipped;
    readonly HashSet<string> heldOut;
    readonly double shippedShare;

    /// <param name="shipped">the training scenario's items</param>
    /// <param name="heldOut">items never to draw (compared whole, ignoring case)</param>
    /// <param name="shippedShare">the share of a stream's items taken from <paramref name="shipped"/></param>
    public ItemPool(IReadOnlyList<string> shipped, IEnumerable<string> heldOut, double shippedShare)
    {
        this.heldOut = new HashSet<string>(heldOut, StringComparer.OrdinalIgnoreCase);
        this.shipped = shipped.Where(i => !this.heldOut.Contains(i)).ToArray();
        this.shippedShare = this.shipped.Count == 0 ? 0 : shippedShare;
    }

    public IReadOnlyCollection<string> HeldOut => heldOut;

    /// <summary><paramref name="count"/> distinct items for one stream.</summary>
    public IReadOnlyList<string> DrawList(StableRandom random, int count)
    {
        var items = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int shippedDrawn = 0;
        while (items.Count < count)
        {
            // Once every shipped item is in the list, the rest are made up, so a share of 1 cannot loop for ever.
            bool fromShipped = shippedDrawn < shipped.Count && random.NextDouble() < shippedShare;
            var item = fromShipped ? shipped[random.NextInt(shipped.Count)] : Invent(random);
            if (!seen.Add(item)) continue;
            items.Add(item);
            if (fromShipped) shippedDrawn++;
        }
        return items;
    }

    /// <summary>A made-up item that is not held out: one word in four is a two-word item.</summary>
    public string Invent(StableRandom random)
    {
        while (true)
        {
            var item = random.NextDouble() < 0.25 ? Word(random) + " " + Word(random) : Word(random);
            if (!heldOut.Contains(item)) return item;
        }
    }

    static string Word(StableRandom random)
    {
        int syllables = 1 + random.NextInt(3);
        var word = string.Concat(Enumerable.Range(0, syllables).Select(_ =>
            Onsets[random.NextInt(Onsets.Length)] + Vowels[random.NextInt(Vowels.Length)] + Codas[random.NextInt(Codas.Length)]));
        return random.NextDouble() < 0.3 ? word + "s" : word;
    }
}
