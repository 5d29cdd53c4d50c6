using SirArena.Arena.Agents;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// Compares a recorded round with the same round played again. The choice, the outcome, the text, the token ids and
/// the evictions must be identical; candidate scores and surprisals may differ by <see cref="Tolerance"/>, since
/// kernels need not give the same last bits on every machine.
/// </summary>
public static class RoundComparison
{
    public const double Tolerance = 1e-5;

    /// <summary>How the re-run differs from the record, or null when it reproduces it.</summary>
    public static string? FirstDifference(ReplayRound recorded, RoundResult live, LlmRoundTrace? liveTrace)
    {
        var was = recorded.Result;
        if (was.GetType() != live.GetType()) return $"the recorded round is {was.GetType().Name}, the re-run {live.GetType().Name}";
        if (was.Turn.Prompt != live.Turn.Prompt) return $"the prompt was \"{was.Turn.Prompt}\", the re-run's is \"{live.Turn.Prompt}\"";
        if (!was.Turn.Candidates.SequenceEqual(live.Turn.Candidates))
            return $"the candidates were [{string.Join(", ", was.Turn.Candidates)}], the re-run's are [{string.Join(", ", live.Turn.Candidates)}]";
        if (was.Choice.Index != live.Choice.Index)
            return $"the recorded choice is candidate {was.Choice.Index}, the re-run chose {live.Choice.Index}";
        if (was.Outcome != live.Outcome) return $"the recorded outcome is {was.Outcome}, the re-run's {live.Outcome}";
        if (Numbers("candidate scores", was.Choice.Scores, live.Choice.Scores) is { } scores) return scores;
        if (recorded.Trace is null != liveTrace is null)
            return recorded.Trace is null ? "the replay has no memory trace but the re-run's agent has one" : "the replay has a memory trace but the re-run's agent has none";
        if (recorded.Trace is null || liveTrace is null) return null;
        if (recorded.Trace.Eta != liveTrace.Eta)
            return $"the round ended with eta {recorded.Trace.Eta?.ToString() ?? "(fixed)"}, in the re-run {liveTrace.Eta?.ToString() ?? "(fixed)"}";
        if (recorded.Trace.CachedTokens != liveTrace.CachedTokens)
            return $"the cache held {recorded.Trace.CachedTokens} tokens after the round, in the re-run {liveTrace.CachedTokens}";
        return Chunk("prompt", recorded.Trace.Prompt, liveTrace.Prompt) ?? Chunk("answer", recorded.Trace.Answer, liveTrace.Answer)
            ?? Optional("held scores", recorded.Trace.HeldScores, liveTrace.HeldScores);
    }

    static string? Chunk(string name, ChunkTrace was, ChunkTrace now)
    {
        if (was.FirstStreamIndex != now.FirstStreamIndex)
            return $"the {name} started at stream index {was.FirstStreamIndex}, in the re-run at {now.FirstStreamIndex}";
        if (!was.TokenIds.AsSpan().SequenceEqual(now.TokenIds))
            return $"the {name}'s token ids were [{string.Join(", ", was.TokenIds)}], in the re-run [{string.Join(", ", now.TokenIds)}]";
        if (!was.Evicted.AsSpan().SequenceEqual(now.Evicted))
            return $"the {name} evicted stream indices [{string.Join(", ", was.Evicted)}], in the re-run [{string.Join(", ", now.Evicted)}]";
        return Numbers($"{name} surprisal", was.Surprisal.Select(s => (double)s).ToArray(), now.Surprisal.Select(s => (double)s).ToArray())
            ?? Optional($"{name} scores", was.Scores, now.Scores);
    }

    /// <summary>Scores a policy records beside the surprisals: both absent, or equal within the tolerance.</summary>
    static string? Optional(string what, float[]? was, float[]? now) => (was, now) switch
    {
        (null, null) => null,
        (null, _) => $"no {what} were recorded, the re-run has them",
        (_, null) => $"{what} were recorded, the re-run has none",
        _ => Numbers(what, was.Select(s => (double)s).ToArray(), now.Select(s => (double)s).ToArray()),
    };

    static string? Numbers(string what, IReadOnlyList<double> was, IReadOnlyList<double> now)
    {
        if (was.Count != now.Count) return $"{was.Count} {what} were recorded, the re-run has {now.Count}";
        for (int i = 0; i < was.Count; i++)
        {
            // Equal infinities subtract to NaN, and NaN equals nothing: treat both as the same when both sides agree.
            if (was[i] == now[i] || Math.Abs(was[i] - now[i]) <= Tolerance || (double.IsNaN(was[i]) && double.IsNaN(now[i]))) continue;
            return $"{what}[{i}] was {was[i]:R}, in the re-run {now[i]:R} (tolerance {Tolerance:R})";
        }
        return null;
    }
}
