using System.Globalization;
using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.Grocery;

/// <summary>
/// Every text of the grocery task (docs/sirllm.md), rendered in the same USER:/ASSISTANT: format as
/// Rock-Paper-Scissors (<see cref="DialogueFormat"/>). The request
/// <c>USER: I want you to buy the GROCERY: [oats].\nASSISTANT: </c> is answered <c>OK</c>; every question, unrelated
/// or the recall, reads <c>USER: {question} Choices: (A) .. (B) .. (C) .. (D) ... You choose:\nASSISTANT: </c>
/// (the RPS turns' "Choices: ... You choose:" shape) and is answered with a letter. The recall's options name the
/// items in brackets as the request did, <c>(A) [oats]</c>: GPT-2-style pre-tokenization splits <c>[oats]</c> into
/// <c> [</c> + <c>oats</c> but <c>(A) oats</c> into <c> oats</c>, a different token, so with bare options a model must
/// first learn each item's two tokens as one thing; with brackets, reading the request back is matching equal tokens.
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
