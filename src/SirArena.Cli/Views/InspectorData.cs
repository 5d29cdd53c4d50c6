using SirArena.Arena.Replays;
using SirArena.Simulation.Games.Grocery;

namespace SirArena.Cli.Views;

/// <summary>
/// What the HTML inspector embeds for one replay: the memory held before the page's first round (stream index, text,
/// score, the round it entered and that round's first stream index), then per round its first stream index, the
/// tokens that entered and stayed (stream index, text, score after the round), the stream indices evicted, the text of
/// tokens that entered and were evicted within the round, the round's eta when the policy chose it, and, for a policy
/// whose scores change with attention, every held token's score after the round. The page
/// rebuilds the memory by applying these in order and multiplying held scores by eta, so it holds the stream once,
/// not rounds times budget. Every score comes from <see cref="RetainedSet"/>: the page applies no rule of its own.
/// Two replays of one match are compared token by token as "the k-th token of round r, with this text", since their
/// stream indices drift apart as soon as their answers differ in length.
/// </summary>
public sealed record InspectorData(
    string File, string Scenario, ulong Seed, string Agent, string Policy, int Budget, int Start, float Eta,
    bool Memory, long Rounds, IReadOnlyList<object[]> Initial, IReadOnlyList<InspectorRound> RoundList)
{
    /// <summary>The last round number <paramref name="path"/>'s chain holds (-1 when it holds none): off the end of
    /// its last file when that tells, else by reading its rounds.</summary>
    public static long LastRound(string path, bool prefix)
    {
        var chain = ReplayChain.Open(path, prefix);
        if (chain.LastWholeRound() is { } end) return end;
        long last = -1;
        foreach (var round in chain.ReadRounds()) last = round.Round;
        return last;
    }

    /// <summary>
    /// The page data of <paramref name="path"/>'s chain for <paramref name="range"/>; the memory is rebuilt from
    /// round 0 so that the first round of the range starts from what the agent held then.
    /// </summary>
    public static InspectorData Read(string path, RoundRange range, bool prefix)
    {
        var chain = ReplayChain.Open(path, prefix);
        var header = chain.Header;
        var memory = new RetainedSet(header.Eta);
        var firstIndexOfRound = new List<long>();
        var held = new HashSet<long>();
        var initial = new List<object[]>();
        var rounds = new List<InspectorRound>();
        bool hasMemory = true;
        long last = -1;
        long[] requested = [];
        foreach (var record in chain.ReadRounds())
        {
            if (record.Round > range.To) break;
            last = record.Round;
            if (record.Trace is not { } trace)
            {
                hasMemory = false;
                if (record.Round >= range.From) rounds.Add(InspectorRound.Of(record, null, [], [], []));
                continue;
            }
            if (record.Round == range.From)
                foreach (var token in memory.Tokens)
                {
                    var born = StreamRounds.RoundOf(firstIndexOfRound, token.StreamIndex);
                    initial.Add([token.StreamIndex, token.Text, token.Score, born, firstIndexOfRound[born]]);
                    held.Add(token.StreamIndex);
                }
            firstIndexOfRound.Add(trace.Prompt.FirstStreamIndex);
            var grocery = record.Result as GroceryRoundResult;
            if (grocery?.Kind == GroceryTurnKind.Request)
                requested = RequestMemory.ItemTokens(trace.Prompt, grocery.Item, path, record.Round);
            var evicted = memory.Apply(trace);
            if (record.Round < range.From) continue;
            var now = memory.Tokens;
            var entered = now.Where(t => !held.Contains(t.StreamIndex)).Select(t => new object[] { t.StreamIndex, t.Text, t.Score }).ToArray();
            var passing = evicted.Where(t => !held.Contains(t.StreamIndex)).Select(t => new object[] { t.StreamIndex, t.Text }).ToArray();
            rounds.Add(InspectorRound.Of(record, trace.Prompt.FirstStreamIndex, entered, [.. evicted.Select(t => t.StreamIndex)], passing)
                with
                {
                    Q = requested.Length > 0 ? requested : null,
                    H = trace.HeldScores is null ? null : [.. now.Select(t => t.Score)],
                });
            if (grocery?.Kind == GroceryTurnKind.Recall) requested = [];
            held.Clear();
            held.UnionWith(now.Select(t => t.StreamIndex));
        }
        if (last < range.To)
            throw new ArgumentException($"--rounds {range.From}-{range.To}: {path} holds rounds 0 to {last}");
        var agent = header.Match.Agent;
        return new InspectorData(path, header.Match.Scenario, header.Match.Seed, agent.Name, agent.Policy, agent.Budget,
            agent.IsLlm ? agent.Start : 0, header.Eta, hasMemory, last + 1, initial, rounds);
    }
}

/// <summary>
/// One round of an inspector page: number, outcome, user turn, candidates (text, option, score, chosen), the grocery
/// turn when there is one, the round's first stream index and its memory delta (see <see cref="InspectorData"/>).
/// A grocery round between a request and its recall (both included) also carries the stream indices of the
/// requested item's tokens, so the page can follow them until they are evicted or recalled. Short names keep the
/// page small.
/// </summary>
public sealed record InspectorRound(
    long R, string O, string U, IReadOnlyList<object[]> C, string? G, long? F,
    IReadOnlyList<object[]> A, IReadOnlyList<long> E, IReadOnlyList<object[]> X, float? K)
{
    public IReadOnlyList<long>? Q { get; init; }

    /// <summary>Every held token's score after the round, in stream order, for a policy that scores by attention.</summary>
    public IReadOnlyList<float>? H { get; init; }

    public static InspectorRound Of(ReplayRound record, long? firstStreamIndex, object[][] entered, long[] evicted, object[][] passing)
    {
        var result = record.Result;
        var candidates = CandidateView.Of(result).Select(c => new object[] { c.Text, c.Option, c.Score, c.Chosen }).ToArray();
        string? grocery = result is GroceryRoundResult g
            ? $"{g.Kind.ToString().ToLowerInvariant()} {g.Item} (correct: option {g.CorrectIndex + 1}, distance {g.Distance})"
            : null;
        return new InspectorRound(record.Round, result.Outcome.ToString().ToLowerInvariant(), result.Turn.UserTurn,
            candidates, grocery, firstStreamIndex, entered, evicted, passing, record.Trace?.Eta);
    }
}
