using SirArena.Llm.Memory;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// Runs a memory policy over an encoded stream as the LLM agent would (prompt with room reserved for the answer,
/// then the answer, then the round's decay) and, at chosen rounds, cuts a <see cref="TrainingWindow"/>: the tokens the
/// policy keeps just before that round's prompt, then that prompt. The window goes on with further rounds in full
/// while it stays within L (at most <paramref name="maxRounds"/>), so one compacted context trains several answers:
/// the first exactly as play would see it, the later ones as a compacted past followed by clean recent turns.
/// </summary>
public sealed class WindowBuilder(int contextLength, int maxRounds)
{
    /// <summary>Windows at the rounds <paramref name="emit"/> picks; the stream ends early if the policy can hold no more (Full).
    /// A <see cref="PolicyChoice.RandomScores"/> policy ranks tokens by scores drawn from <paramref name="thinning"/>.
    /// <paramref name="readRules"/> trains Rock-Paper-Scissors answers toward a visible rule where one shows (see
    /// <see cref="EvidenceTargets.RuleCandidate"/>); otherwise they count.</summary>
    public List<TrainingWindow> Build(IReadOnlyList<EncodedRound> rounds, PolicyChoice choice, Func<int, bool> emit, StableRandom? thinning = null,
        bool readRules = false)
    {
        var stream = new CompactedStream(choice.Create(contextLength));
        if (choice.RandomScores)
        {
            var random = thinning ?? new StableRandom(0);
            StreamToken[] Rescore(StreamToken[] chunk) => [.. chunk.Select(t => t with { Score = (float)random.NextDouble() })];
            rounds = [.. rounds.Select(r => r with { Prompt = Rescore(r.Prompt), Answer = Rescore(r.Answer) })];
        }
        var itemTokens = new Dictionary<int, int>();
        var windows = new List<TrainingWindow>();
        for (int r = 0; r < rounds.Count; r++)
        {
            var round = rounds[r];
            if (round.Source.Kind == RoundKind.GroceryRequest)
                itemTokens[round.Source.Episode] = round.Prompt.Count(t => t.Role == TokenRole.Item);
            try
            {
                stream.MakeRoom(round.Prompt.Length + round.Reserve);
            }
            catch (MemoryBudgetException)
            {
                break; // Full memory has reached L: play would refuse here too.
            }
            if (emit(r) && Cut(stream.Tokens, rounds, r, itemTokens, choice.Label, readRules) is { } window) windows.Add(window);
            stream.Append(round.Prompt);
            stream.Append(round.Answer);
            stream.EndRound();
        }
        return windows;
    }

    /// <summary>The kept prefix, then rounds from <paramref name="first"/> on while they fit; null if no answer is trainable.</summary>
    TrainingWindow? Cut(IReadOnlyList<StreamToken> kept, IReadOnlyList<EncodedRound> rounds, int first,
        IReadOnlyDictionary<int, int> itemTokens, string policy, bool rules)
    {
        var visible = new List<StreamToken>(kept);
        var answers = new List<AnswerTarget>();
        for (int r = first; r < rounds.Count && r < first + maxRounds; r++)
        {
            var round = rounds[r];
            int needed = (r > first ? rounds[r - 1].Answer.Length : 0) + round.Prompt.Length;
            if (visible.Count + needed > contextLength) break;
            if (r > first) visible.AddRange(rounds[r - 1].Answer);
            visible.AddRange(round.Prompt);
            var (index, followsRule) = Target(round, visible, itemTokens, rules);
            if (index is { } i)
                answers.Add(new AnswerTarget(visible.Count - 1, round.CandidateIds[i], round.CandidateIds, round.Source.Kind, followsRule));
        }
        if (answers.Count == 0) return null;
        int[] moves = [.. Enumerable.Range(0, visible.Count).Where(i => visible[i].Role == TokenRole.OpponentMove)];
        return new TrainingWindow(visible.Select(t => t.Id).ToArray(), kept.Count, [.. answers], policy, moves);
    }

    static (int? Index, bool FollowsRule) Target(EncodedRound round, List<StreamToken> visible, IReadOnlyDictionary<int, int> itemTokens, bool rules)
    {
        var source = round.Source;
        if (source.Kind == RoundKind.Rps && rules && EvidenceTargets.RuleCandidate(visible) is { } ruled) return (ruled, true);
        return (source.Kind switch
        {
            RoundKind.Rps => EvidenceTargets.BestRpsCandidate(visible),
            RoundKind.GroceryRecall => EvidenceTargets.RecallCandidate(
                visible, source.Episode, itemTokens.GetValueOrDefault(source.Episode), source.CorrectIndex),
            _ => source.CorrectIndex >= 0 ? source.CorrectIndex : 0,
        }, false);
    }
}
