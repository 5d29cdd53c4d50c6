using SirArena.Simulation.Games.RockPaperScissors;

namespace SirArena.Training.Corpus;

/// <summary>What kind of turn a round is; it decides how the answer position is trained.</summary>
public enum RoundKind
{
    /// <summary>A Rock-Paper-Scissors round: trained toward the best reply to the visible moves.</summary>
    Rps,

    /// <summary>"I want you to buy the GROCERY: [oats]." answered with the item, "oats".</summary>
    GroceryRequest,

    /// <summary>An unrelated multiple-choice question with a known answer.</summary>
    GroceryQuestion,

    /// <summary>"Which one is the GROCERY ...?": trained toward the item when the request is still visible.</summary>
    GroceryRecall,
}

/// <summary>
/// One round of a simulated dialogue as text, before tokenization: the prompt exactly as the scenario renders it
/// (<c>Turn.Prompt</c>), the answer that a context player appended, and what the generator knows about it.
/// </summary>
/// <param name="Prompt">The prompt chunk, separator and "ASSISTANT: " included.</param>
/// <param name="Answer">The answer chunk the context player chose (it may be a bad answer on purpose).</param>
/// <param name="Candidates">The candidate answers, in order.</param>
/// <param name="Kind">How the answer position is trained.</param>
/// <param name="RevealedMove">RPS: the opponent's previous move that this prompt reports ("I chose [rock]").</param>
/// <param name="RevealedMoveProbability">The probability the opponent gave that move when it played it.</param>
/// <param name="CorrectIndex">Grocery: the right candidate; -1 when the round has no fixed right answer.</param>
/// <param name="Episode">Grocery: the number of the request this round belongs to (which item a recall asks for).</param>
public sealed record DialogueRound(
    string Prompt,
    string Answer,
    IReadOnlyList<string> Candidates,
    RoundKind Kind,
    Move? RevealedMove = null,
    double RevealedMoveProbability = double.NaN,
    int CorrectIndex = -1,
    int Episode = -1);
