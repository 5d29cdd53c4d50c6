using SirArena.Llm.Memory;
using SirArena.Simulation.Loop;

namespace SirArena.Arena.Replays;

/// <summary>
/// What `sirarena replay FILE --round N` shows, as data: the round's user turn, the candidates with their scores and
/// the choice, and, for an LLM agent, the memory after the round (the tokens retained, in stream order, with the
/// scores they have once the round's decay is applied) and the tokens evicted during the round (with the scores
/// they had when evicted). Scores are plain floats so that the caller can colour by them. <see cref="Eta"/> is the
/// decay the round ended with when the policy chose it (an adaptive decay), else null.
/// </summary>
public sealed record ReplayRoundView(
    long Round,
    string UserTurn,
    IReadOnlyList<CandidateView> Candidates,
    Outcome Outcome,
    bool HasMemory,
    IReadOnlyList<RememberedToken> Retained,
    IReadOnlyList<RememberedToken> Evicted,
    float? Eta = null)
{
    /// <summary>What the scores are: the agent's policy's <see cref="ScoreSource"/>.</summary>
    public ScoreSource Scores { get; init; } = ScoreSource.Surprisal;

    /// <summary>The first stream index of every round up to this one, in order: round r's tokens start at RoundStarts[r].</summary>
    public IReadOnlyList<long> RoundStarts { get; init; } = [];

    /// <summary>The round whose chunks hold stream index <paramref name="stream"/>.</summary>
    public int RoundOf(long stream) => StreamRounds.RoundOf(RoundStarts, stream);

    /// <summary>The lowest retained score, or 0 when none is below it, for the bottom of a colour ramp.</summary>
    public float MinRetainedScore => Retained.Count == 0 ? 0f : Math.Min(0f, Retained.Min(t => t.Score));

    public CandidateView Chosen => Candidates.Single(c => c.Chosen);

    /// <summary>The retained tokens' text run together: what the agent still holds, as it reads.</summary>
    public string RetainedText => string.Concat(Retained.Select(t => t.Text));

    /// <summary>The highest retained score (0 when nothing is held), for scaling a colour ramp.</summary>
    public float MaxRetainedScore => Retained.Count == 0 ? 0f : Retained.Max(t => t.Score);

    /// <summary>
    /// Round <paramref name="round"/> of the replay at <paramref name="path"/>, read up to that round only; a chain
    /// with a break is refused (<see cref="ReplayChain"/>) even when the round lies before it.
    /// </summary>
    public static ReplayRoundView Read(string path, long round) => Read(ReplayChain.Open(path), round, path);

    /// <summary>
    /// Round <paramref name="round"/> of <paramref name="chain"/>; when the chain was opened for its prefix and the
    /// round lies after its break, the break is what is reported.
    /// </summary>
    public static ReplayRoundView Read(ReplayChain chain, long round, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        try
        {
            return Build(chain.Header, chain.ReadRounds(), round, source ?? chain.Files[0]);
        }
        catch (ArgumentOutOfRangeException) when (chain.Break is { } broken)
        {
            throw new ReplayFormatException(broken.FilePath, broken.Line,
                $"{broken.Problem}; round {round} lies after this break, and only the rounds before it can be read", broken);
        }
    }

    /// <summary>
    /// Round <paramref name="round"/> from a header and its rounds in order; the memory is rebuilt from the first
    /// round on, so the rounds must start at round 0.
    /// </summary>
    public static ReplayRoundView Build(ReplayHeader header, IEnumerable<ReplayRound> rounds, long round, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rounds);
        var name = source ?? "the replay";
        if (header.FirstRound != 0)
            throw new ArgumentException(
                $"{name} continues {header.Previous ?? "an earlier file"} from round {header.FirstRound}; memory is rebuilt from round 0, so start from the chain's first file");
        var memory = new RetainedSet(header.Eta);
        var starts = new List<long>();
        long last = -1;
        foreach (var record in rounds)
        {
            last = record.Round;
            if (record.Trace is { } trace) starts.Add(trace.Prompt.FirstStreamIndex);
            var evicted = record.Trace is null ? [] : memory.Apply(record.Trace);
            if (record.Round == round) return From(record, memory, evicted) with { Scores = header.Match.Agent.Scores, RoundStarts = starts };
        }
        throw new ArgumentOutOfRangeException(nameof(round), round,
            last < 0 ? $"{name} holds no complete round" : $"{name} holds rounds 0 to {last}; round {round} is not among them");
    }

    static ReplayRoundView From(ReplayRound record, RetainedSet memory, IReadOnlyList<RememberedToken> evicted)
    {
        var result = record.Result;
        var candidates = CandidateView.Of(result);
        bool hasMemory = record.Trace is not null;
        return new ReplayRoundView(
            record.Round, result.Turn.UserTurn, candidates, result.Outcome, hasMemory,
            hasMemory ? memory.Tokens.ToArray() : [], evicted, record.Trace?.Eta);
    }
}
