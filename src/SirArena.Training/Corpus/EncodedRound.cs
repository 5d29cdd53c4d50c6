namespace SirArena.Training.Corpus;

/// <summary>A <see cref="DialogueRound"/> as tokens, the two chunks encoded separately as the agent encodes them.</summary>
/// <param name="Source">The round's text and facts.</param>
/// <param name="Prompt">The prompt chunk's tokens with roles and synthetic scores.</param>
/// <param name="Answer">The answer chunk's tokens.</param>
/// <param name="CandidateIds">The first token of each candidate, in candidate order.</param>
/// <param name="Reserve">The longest candidate in tokens: the agent makes room for it when it appends the prompt.</param>
public sealed record EncodedRound(DialogueRound Source, StreamToken[] Prompt, StreamToken[] Answer, int[] CandidateIds, int Reserve);
