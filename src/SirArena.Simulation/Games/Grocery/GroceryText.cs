using System.Globalization;
using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// Every text of the grocery task (docs/sirllm.md), rendered in the same USER:/ASSISTANT: format as
/// Rock-Paper-Scissors (<see cref="DialogueFormat"/>). The request
/// <c>USER: I want you to buy the GROCERY: [oats].\nASSISTANT: </c> is answered <c>OK</c>; every question, unrelated
/// or the recall, reads <c>USER: {question} Choices: (A) .. (B) .. (C) .. (D) ... You choose:\nASSISTANT: </c>
/// (the RPS turns' "Choices: ... You choose:" shape). An unrelated question is answered with a letter; the recall
/// with the item itself, its options naming the items in brackets as the request did: <c>(A) [oats] (B) [rice] ...
/// You choose:</c> answered <c>oats</c>. So the item is the very same token in the request, the options and the
/// answer, and reading the request back is copying a token. (Bare options, <c>(A) oats</c>, tokenize the item as
/// <c> oats</c>, a different id from the request's <c>oats</c>; a letter answer adds a second hop from the matching
/// option to its letter. docs/results.md says what each formulation gave: the shipped model was trained on this one
/// and does not recall; recall formed only with bare options and the request answered by its item.)
/// </summary>
public static class GroceryText
{
    /// <summary>{0} is the item, e.g. "oats".</summary>
    public const string RequestTemplate = "I want you to buy the GROCERY: [{0}].";

    public const string Acknowledgement = "OK";

    public const string RecallQuestion = "Which one is the GROCERY that I want you to buy earlier?";

    /// <summary>{0} the question, {1} the lettered options.</summary>
    public const string MultipleChoiceTemplate = "{0} Choices: {1}. You choose:";

    public static string Request(string item) =>
        string.Format(CultureInfo.InvariantCulture, RequestTemplate, item);

    public static string MultipleChoice(string question, IReadOnlyList<string> options) =>
        string.Format(CultureInfo.InvariantCulture, MultipleChoiceTemplate, question, DialogueFormat.Options(options));

    /// <summary>The recall question with <paramref name="items"/> as its options, each in brackets.</summary>
    public static string Recall(IReadOnlyList<string> items) =>
        MultipleChoice(RecallQuestion, items.Select(item => $"[{item}]").ToArray());
}
