namespace SirArena.Simulation.Loop;

/// <summary>
/// How every scenario's rounds become one continuous text, the paper's USER:/ASSISTANT: format
/// (docs/sirllm.md). A round's prompt is
/// <c>[separator] "USER: " user-text "\n" "ASSISTANT: "</c> and the agent's answer (a candidate, e.g. "B") follows
/// it directly. The separator is "\n" before every round except a match's first, so a whole match reads
/// <c>USER: ...\nASSISTANT: B\nUSER: ...\nASSISTANT: C</c>: one line per turn, the answer never carrying
/// whitespace, which keeps "score the first answer token" well defined. Tokenizers are trained on exactly this.
/// </summary>
public static class DialogueFormat
{
    public const string UserPrefix = "USER: ";
    public const string AssistantPrefix = "ASSISTANT: ";

    /// <summary>Between the user's line and the assistant prefix, and between a round's answer and the next round.</summary>
    public const string LineBreak = "\n";

    /// <summary>The user's line with its role prefix, e.g. <c>USER: I chose [rock]. ... You choose:</c>.</summary>
    public static string UserTurn(string userText) => UserPrefix + userText;

    /// <summary>The user's text of a line <see cref="UserTurn"/> wrote, for agents that render it in another format.</summary>
    public static string UserText(string userTurn) => userTurn.StartsWith(UserPrefix, StringComparison.Ordinal)
        ? userTurn[UserPrefix.Length..]
        : throw new ArgumentException($"a user turn starts with \"{UserPrefix}\", got \"{userTurn}\"", nameof(userTurn));

    /// <summary>The exact text appended to the agent's context before it answers round <paramref name="round"/>.</summary>
    public static string Prompt(long round, string userText) =>
        (round == 0 ? "" : LineBreak) + UserTurn(userText) + LineBreak + AssistantPrefix;

    /// <summary>Renders numbered options as the paper does: <c>(A) rock (B) paper (C) scissors</c>.</summary>
    public static string Options(IReadOnlyList<string> options) =>
        string.Join(" ", options.Select((option, i) => $"({Letter(i)}) {option}"));

    /// <summary>The candidate letters A, B, C, ... for <paramref name="count"/> options.</summary>
    public static IReadOnlyList<string> Letters(int count) =>
        Enumerable.Range(0, count).Select(Letter).ToArray();

    public static string Letter(int index) => ((char)('A' + index)).ToString();
}
