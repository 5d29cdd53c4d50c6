using System.Globalization;
using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// Every text of the grocery task (docs/sirllm.md), rendered in the same USER:/ASSISTANT: format as
/// Rock-Paper-Scissors (<see cref="DialogueFormat"/>). The request <c>USER: I want you to buy the GROCERY: [oats].\nASSISTANT: </c>
/// is answered with the item, <c>oats</c> (the paper's assistant says <c>OK</c>); every question, unrelated or the
/// recall, reads <c>USER: {question} Choices: (A) .. (B) .. (C) .. (D) ... You choose:\nASSISTANT: </c> (the RPS
/// turns' "Choices: ... You choose:" shape). An unrelated question is answered with a letter; the recall with the
/// item itself, its options bare as in the paper: <c>(A) oats (B) rice ... You choose:</c> answered <c>oats</c>.
/// A byte-level tokenizer gives the option <c> oats</c> (after a space) another id than the request's and the
/// answers' <c>oats</c> (after <c>[</c>, or alone), so the answer's token stands in the context where the item was
/// asked for and nowhere after it: reading the request back is copying the latest such token. Answering the request
/// with the item trains that copy a few tokens from its source on every request, so a recall only has to learn
/// where to look. (Options in brackets, <c>(A) [oats]</c>, repeat the request's token in the recall itself, the
/// latest place of all; a letter answer adds a hop from the matching option to its letter. docs/results.md says
/// what each formulation gave.)
/// </summary>
public static class GroceryText
{
    /// <summary>{0} is the item, e.g. "oats".</summary>
    public const string RequestTemplate = "I want you to buy the GROCERY: [{0}].";

    public const string RecallQuestion = "Which one is the GROCERY that I want you to buy earlier?";

    /// <summary>{0} the question, {1} the lettered options.</summary>
    public const string MultipleChoiceTemplate = "{0} Choices: {1}. You choose:";

    public static string Request(string item) =>
        string.Format(CultureInfo.InvariantCulture, RequestTemplate, item);

    public static string MultipleChoice(string question, IReadOnlyList<string> options) =>
        string.Format(CultureInfo.InvariantCulture, MultipleChoiceTemplate, question, DialogueFormat.Options(options));

    /// <summary>The recall question with <paramref name="items"/> as its options.</summary>
    public static string Recall(IReadOnlyList<string> items) => MultipleChoice(RecallQuestion, items);
}
