namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>Ordinary text every tokenizer must give back unchanged, the paper's Rock-Paper-Scissors turn first.</summary>
public static class RoundTripTexts
{
    public const string RockPaperScissorsTurn =
        "USER: I chose [rock]. Analyze my preferences to maximize your winning rate and proceed to the next round. " +
        "Choices: (A) rock (B) paper (C) scissors. You choose:\nASSISTANT: A";

    public static TheoryData<string> All =>
    [
        RockPaperScissorsTurn,
        "",
        " rock",
        "rock paper scissors",
        "  two leading spaces, two  inside, two trailing  ",
        "tabs\tand\nnew\n\nlines\r\nend",
        "brackets [x] (y) {z} <w> and punctuation: ,.;:!?'\"-_/\\|@#$%^&*+=~`",
        "it's, we'll, they've, I'd",
        "digits 0123456789 and 3.14",
        "UTF-8: héllo wörld, naïve café, 中文, Ελληνικά, 😀👍",
    ];
}
