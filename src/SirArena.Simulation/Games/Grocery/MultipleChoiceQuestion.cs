namespace SirArena.Simulation.Games.Grocery;

/// <summary>A question with its options and the index of the right one.</summary>
public sealed record MultipleChoiceQuestion
{
    public MultipleChoiceQuestion(string question, IReadOnlyList<string> options, int correctIndex)
    {
        if (options.Count < 2) throw new ArgumentException("A question needs at least two options.", nameof(options));
        if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            throw new ArgumentException($"The options of '{question}' repeat: {string.Join(", ", options)}.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(correctIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(correctIndex, options.Count);
        Question = question;
        Options = options.ToArray();
        CorrectIndex = correctIndex;
    }

    public string Question { get; }
    public IReadOnlyList<string> Options { get; }
    public int CorrectIndex { get; }
    public string CorrectOption => Options[CorrectIndex];
}
