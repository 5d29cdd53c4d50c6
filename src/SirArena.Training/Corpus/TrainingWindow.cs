namespace SirArena.Training.Corpus;

/// <summary>
/// A trained answer: the logits at <see cref="Position"/> (the prompt's last token, "ASSISTANT: ") are pulled toward
/// <see cref="TargetId"/>, which may differ from the answer that follows in the window. <see cref="CandidateIds"/>
/// are the first tokens of the turn's candidates: accuracy is measured among them, as the agent chooses.
/// </summary>
/// <param name="FollowsRule">True when the target is what a visible rule predicts (<see cref="SequenceEvidence"/>) rather than counting's answer.</param>
public sealed record AnswerTarget(int Position, int TargetId, int[] CandidateIds, RoundKind Kind, bool FollowsRule = false);

/// <summary>
/// One training example: a context that a memory policy really leaves (<see cref="PrefixLength"/> tokens, exactly the
/// kept set before a round's prompt) followed by one or more rounds in full, ending with a prompt. Next-token targets
/// apply from the prefix's last token on (predicting across the gaps of a compacted prefix teaches nothing); answer
/// positions take their <see cref="AnswerTarget"/> instead.
/// </summary>
/// <param name="Ids">The token ids, at most the pre-training length L.</param>
/// <param name="PrefixLength">How many leading tokens are the policy's compacted context.</param>
/// <param name="Answers">The answer positions, ascending.</param>
/// <param name="Policy">Which memory produced the prefix, e.g. "sir-384-0.9", for per-policy evaluation; <see cref="Opening"/>
/// for a match's first rounds, which every memory holds whole.</param>
/// <param name="OpponentMoves">The positions of the opponent's reported moves, ascending (none when null).</param>
public sealed record TrainingWindow(int[] Ids, int PrefixLength, AnswerTarget[] Answers, string Policy, int[]? OpponentMoves = null)
{
    public const string Opening = "opening";

    /// <summary>The policy family: "full", "streaming", "sir" or "opening".</summary>
    public string PolicyFamily => Policy.Split('-')[0];
}
