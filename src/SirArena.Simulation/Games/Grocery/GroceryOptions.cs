namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// Settings of the grocery task. Each episode asks K unrelated questions between request and recall, K drawn
/// uniformly from [<see cref="MinQuestionsBetween"/>, <see cref="MaxQuestionsBetween"/>]: equal bounds give the
/// paper's fixed K (20); a range lets a report plot recall accuracy by distance.
/// </summary>
public sealed record GroceryOptions
{
    public const int PaperQuestionsBetween = 20;

    public GroceryOptions(int minQuestionsBetween = PaperQuestionsBetween, int maxQuestionsBetween = PaperQuestionsBetween)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minQuestionsBetween);
        if (maxQuestionsBetween < minQuestionsBetween)
            throw new ArgumentOutOfRangeException(nameof(maxQuestionsBetween), maxQuestionsBetween,
                $"The most questions between request and recall must be at least the fewest ({minQuestionsBetween}).");
        MinQuestionsBetween = minQuestionsBetween;
        MaxQuestionsBetween = maxQuestionsBetween;
    }

    public int MinQuestionsBetween { get; }
    public int MaxQuestionsBetween { get; }
}
