using SirArena.Simulation.Randomness;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// The unrelated questions of the grocery task: a set of templates, each drawn with equal chance. The project owns
/// them (scenarios/data/grocery-questions.json), so every answer is known.
/// </summary>
public sealed record QuestionBank
{
    public QuestionBank(IReadOnlyList<IQuestionTemplate> templates)
    {
        if (templates is null || templates.Count == 0)
            throw new ArgumentException("A question bank needs at least one template.", nameof(templates));
        Templates = templates.ToArray();
    }

    public IReadOnlyList<IQuestionTemplate> Templates { get; }

    public MultipleChoiceQuestion Draw(StableRandom random) => Templates[random.NextInt(Templates.Count)].Draw(random);
}
