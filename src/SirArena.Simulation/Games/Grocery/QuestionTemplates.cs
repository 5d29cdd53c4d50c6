using System.Globalization;
using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>A way to make unrelated multiple-choice questions with a known answer, four options each.</summary>
public interface IQuestionTemplate
{
    MultipleChoiceQuestion Draw(StableRandom random);
}

/// <summary>Options are the right answer and three distractors, the right one's position drawn at random.</summary>
public static class OptionShuffle
{
    public const int OptionCount = 4;

    public static MultipleChoiceQuestion Build(string question, string correct, IEnumerable<string> distractors, StableRandom random)
    {
        var options = new List<string> { correct };
        options.AddRange(distractors);
        random.Shuffle(options);
        return new MultipleChoiceQuestion(question, options, options.IndexOf(correct));
    }

    /// <summary>Three distinct picks from <paramref name="pool"/>, none equal to <paramref name="exclude"/>.</summary>
    public static IEnumerable<string> Pick(IReadOnlyList<string> pool, string exclude, StableRandom random)
    {
        var candidates = pool.Where(p => p != exclude).Distinct(StringComparer.Ordinal).ToList();
        random.Shuffle(candidates);
        return candidates.Take(OptionCount - 1);
    }
}

/// <summary>"What is 7 + 5?" with both terms drawn from [Min, Max]; distractors lie within 3 of the sum.</summary>
public sealed record AdditionTemplate(int Min, int Max) : IQuestionTemplate
{
    private static readonly int[] Offsets = [-3, -2, -1, 1, 2, 3];

    public MultipleChoiceQuestion Draw(StableRandom random)
    {
        int a = random.NextInt(Min, Max), b = random.NextInt(Min, Max), sum = a + b;
        var distractors = Offsets.Where(o => sum + o >= 0).Select(o => (sum + o).ToString(CultureInfo.InvariantCulture)).ToList();
        return OptionShuffle.Build(
            $"What is {a} + {b}?", sum.ToString(CultureInfo.InvariantCulture), OptionShuffle.Pick(distractors, "", random), random);
    }
}

/// <summary>"Which one is a colour?": one of <see cref="Members"/> among three of <see cref="Others"/>.</summary>
public sealed record CategoryTemplate(string Question, IReadOnlyList<string> Members, IReadOnlyList<string> Others) : IQuestionTemplate
{
    public MultipleChoiceQuestion Draw(StableRandom random)
    {
        var member = Members[random.NextInt(Members.Count)];
        return OptionShuffle.Build(Question, member, OptionShuffle.Pick(Others, member, random), random);
    }
}

/// <summary>"What is the capital of [France]?": a key of <see cref="Answers"/>; distractors are other keys' answers.</summary>
public sealed record LookupTemplate(string Question, IReadOnlyList<KeyValuePair<string, string>> Answers) : IQuestionTemplate
{
    public MultipleChoiceQuestion Draw(StableRandom random)
    {
        var (key, answer) = Answers[random.NextInt(Answers.Count)];
        var others = Answers.Select(pair => pair.Value).ToList();
        return OptionShuffle.Build(
            string.Format(CultureInfo.InvariantCulture, Question, key), answer, OptionShuffle.Pick(others, answer, random), random);
    }
}
