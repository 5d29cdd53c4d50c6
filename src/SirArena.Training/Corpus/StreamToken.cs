namespace SirArena.Training.Corpus;

/// <summary>What a token of the stream is, as far as the generator knows: it sets the token's score and evidence.</summary>
public enum TokenRole : byte
{
    /// <summary>Template text: predictable, surprisal near zero.</summary>
    Template,

    /// <summary>The opponent's reported move inside "[...]": evidence for counting.</summary>
    OpponentMove,

    /// <summary>An answer the context player appended.</summary>
    Answer,

    /// <summary>The requested grocery item inside "[...]": what a recall needs.</summary>
    Item,

    /// <summary>The drawn words of a question and its options: moderately surprising.</summary>
    Content,
}

/// <summary>
/// A token of a simulated stream with the score a trained model would give it (its surprisal, which SirLLM ranks)
/// and its role. <see cref="Tag"/> is the move's number for <see cref="TokenRole.OpponentMove"/>, the episode for
/// <see cref="TokenRole.Item"/>, the chosen candidate's index for a Rock-Paper-Scissors <see cref="TokenRole.Answer"/>,
/// and -1 otherwise. <see cref="Round"/> is the stream round the token belongs to, so that evidence about sequences
/// can tell consecutive rounds from rounds a memory policy has thinned.
/// </summary>
public readonly record struct StreamToken(int Id, float Score, TokenRole Role, int Tag = -1, int Round = -1);
