namespace SirArena.Arena.Agents;

/// <summary>
/// The shortest prefix of each candidate answer's tokens that no other candidate starts with: the tokens a model has
/// to produce before its answer is decided. Scoring a candidate by ln p of that prefix is scoring the event "the model's
/// answer is this candidate" when it continues the decided answer as written, so the scores of different candidates are
/// probabilities of disjoint events and a long answer is not charged for the tokens after it is decided. A candidate
/// that another one starts with (tokens "oat" against "oat milk") has no such prefix and is scored whole.
/// </summary>
public static class DistinguishingPrefixes
{
    public static int[][] Of(IReadOnlyList<int[]> candidates) =>
        [.. candidates.Select((tokens, i) => tokens[..Length(candidates, i)])];

    static int Length(IReadOnlyList<int[]> candidates, int i)
    {
        var tokens = candidates[i];
        for (int n = 1; n < tokens.Length; n++)
            if (!SharedByAnother(candidates, i, n)) return n;
        return tokens.Length;
    }

    static bool SharedByAnother(IReadOnlyList<int[]> candidates, int i, int n)
    {
        var prefix = candidates[i].AsSpan(0, n);
        for (int j = 0; j < candidates.Count; j++)
            if (j != i && candidates[j].Length >= n && candidates[j].AsSpan(0, n).SequenceEqual(prefix)) return true;
        return false;
    }
}
