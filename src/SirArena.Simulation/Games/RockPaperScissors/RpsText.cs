using SirArena.Simulation.Loop;

namespace SirArena.Simulation.Games.RockPaperScissors;

/// <summary>
/// Every text of a Rock-Paper-Scissors match, in the SirLLM paper's words (docs/sirllm.md), so a tokenizer
/// can be trained on exactly what the agent will read. Round 0:
/// <c>USER: Let's play a game of Rock-Paper-Scissors. Choose one option from: (A) rock (B) paper (C) scissors. You choose:\nASSISTANT: </c>
/// (the paper's opening sentence, plus the "You choose:" with which every later round asks for an answer).
/// Round r &gt; 0, after the previous answer:
/// <c>\nUSER: I chose [rock]. Analyze my preferences to maximize your winning rate and proceed to the next round. Choices: (A) rock (B) paper (C) scissors. You choose:\nASSISTANT: </c>
/// The answer appended is the letter alone ("A", "B" or "C"). Whitespace and line breaks: <see cref="DialogueFormat"/>.
/// </summary>
public static class RpsText
{
    public const string Opening =
        "Let's play a game of Rock-Paper-Scissors. Choose one option from: (A) rock (B) paper (C) scissors.";

    public const string AskForChoice = "You choose:";

    /// <summary>{0} is the opponent's previous move, e.g. "rock".</summary>
    public const string NextRoundTemplate =
        "I chose [{0}]. Analyze my preferences to maximize your winning rate and proceed to the next round. Choices: (A) rock (B) paper (C) scissors.";

    /// <summary>The answers the agent chooses between, in <see cref="Move"/> order.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["A", "B", "C"];

    /// <summary>What each candidate means.</summary>
    public static IReadOnlyList<string> Options { get; } = MoveRules.All.Select(MoveRules.Name).ToArray();

    /// <summary>The user's words for a round (no role prefix).</summary>
    public static string UserText(Move? opponentPreviousMove) =>
        opponentPreviousMove is { } previous
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, NextRoundTemplate, MoveRules.Name(previous)) + " " + AskForChoice
            : Opening + " " + AskForChoice;

    /// <summary>The candidate letter that plays <paramref name="move"/>.</summary>
    public static string Candidate(Move move) => Candidates[(int)move];
}
