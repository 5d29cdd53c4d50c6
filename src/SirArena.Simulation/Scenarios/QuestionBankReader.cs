using SirArena.Simulation.Games.Grocery;

namespace SirArena.Simulation.Scenarios;

/// <summary>
/// Reads the grocery task's question bank: optional "addition" {"min", "max"}; "categories", each
/// {"question", "members", "others"}; "lookups", each {"question" with a {0} for the key, "answers": {key: answer}}.
/// Every template must be able to fill four distinct options.
/// </summary>
internal static class QuestionBankReader
{
    public static QuestionBank Read(ScenarioJson root)
    {
        root.ObjectWithKeys("addition", "categories", "lookups");
        var templates = new List<IQuestionTemplate>();
        if (root.Optional("addition") is { } addition)
        {
            addition.ObjectWithKeys("min", "max");
            var min = addition.Required("min").Integer(0, 1_000_000);
            templates.Add(new AdditionTemplate(min, addition.Required("max").Integer(min, 1_000_000)));
        }
        foreach (var category in root.Optional("categories")?.Array(0) ?? [])
        {
            category.ObjectWithKeys("question", "members", "others");
            templates.Add(new CategoryTemplate(
                category.Required("question").String(), category.Required("members").Strings(1), Others(category)));
        }
        foreach (var lookup in root.Optional("lookups")?.Array(0) ?? [])
            templates.Add(Lookup(lookup));
        if (templates.Count == 0) throw root.Error("expected at least one question template (addition, categories or lookups).");
        return new QuestionBank(templates);
    }

    private static IReadOnlyList<string> Others(ScenarioJson category)
    {
        var members = category.Required("members").Strings(1);
        var others = category.Required("others");
        var list = others.Strings(3);
        if (list.FirstOrDefault(members.Contains) is { } both)
            throw others.Error($"'{both}' is both a member and an other; the question would have two right answers.");
        return list;
    }

    private static LookupTemplate Lookup(ScenarioJson lookup)
    {
        lookup.ObjectWithKeys("question", "answers");
        var question = lookup.Required("question");
        if (!question.String().Contains("{0}", StringComparison.Ordinal))
            throw question.Error("expected a question with {0} where the key goes, e.g. \"What is the capital of {0}?\".");
        var answers = lookup.Required("answers");
        var pairs = answers.Properties().Select(p => new KeyValuePair<string, string>(p.Key, p.Value.String())).ToArray();
        if (pairs.Select(p => p.Value).Distinct(StringComparer.Ordinal).Count() < 4)
            throw answers.Error("expected at least 4 keys with distinct answers, so each question has three wrong options.");
        return new LookupTemplate(question.String(), pairs);
    }
}
