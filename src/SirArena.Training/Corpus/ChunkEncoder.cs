using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SirArena.Llm.Tokenizers;
using SirArena.Simulation.Randomness;

namespace SirArena.Training.Corpus;

/// <summary>
/// Turns a <see cref="DialogueRound"/> into tokens the way the LLM agent does: the prompt and the answer are encoded
/// as two separate chunks (never the transcript at once, which could merge across the boundary), and gives each
/// token a role and a synthetic surprisal from the generator's knowledge: template text near zero with noisy ranks,
/// an opponent's move -ln p(move) (smoothed, as a model's belief is), answers small, question words moderate, a
/// grocery item high. These stand in for the scores a trained model would give, so that the memory policies leave
/// the contexts they would leave at play time.
/// </summary>
public sealed partial class ChunkEncoder(TextTokenizer tokenizer)
{
    /// <summary>How much a model's belief about a move is blurred toward uniform (deterministic players included).</summary>
    const double Smoothing = 0.2;

    readonly ConcurrentDictionary<string, (int[] Ids, int[] Starts)> cache = new(StringComparer.Ordinal);

    public TextTokenizer Tokenizer => tokenizer;

    [GeneratedRegex(@"\[(?<inside>[^\]]+)\]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"USER: (?<question>.*) Choices: (?<options>.*)\. You choose:")]
    private static partial Regex Question();

    /// <summary>The ids of a chunk, as the agent's <c>Tokenizer.Encode</c> gives them.</summary>
    public int[] Ids(string chunk) => Encode(chunk).Ids;

    /// <summary>The round's prompt and answer tokens with roles, scores and the round number <paramref name="index"/>,
    /// the candidates' first ids, and the longest candidate's length (the room the agent reserves for its answer).</summary>
    public EncodedRound Encode(DialogueRound round, StableRandom random, int index = -1)
    {
        var (ids, starts) = Encode(round.Prompt);
        var prompt = new StreamToken[ids.Length];
        var spans = Spans(round);
        for (int i = 0; i < ids.Length; i++)
        {
            int end = i + 1 < ids.Length ? starts[i + 1] : round.Prompt.Length;
            var (role, tag) = RoleOf(spans, starts[i], end);
            prompt[i] = new StreamToken(ids[i], Score(role, round, random), role, tag, index);
        }
        // Counting reads one token per reported move; a split name would be counted twice or half-visible.
        if (round.Kind == RoundKind.Rps && prompt.Count(t => t.Role == TokenRole.OpponentMove) > (round.RevealedMove is null ? 0 : 1))
            throw new InvalidDataException($"the tokenizer splits the move in \"{round.Prompt.Trim()}\" into several tokens; train it with a larger vocabulary so each move name is one token");
        // A Rock-Paper-Scissors answer carries the move it names, the evidence a reactive player's rule is read from.
        int chosen = round.Kind == RoundKind.Rps ? round.Candidates.ToList().IndexOf(round.Answer) : -1;
        var answer = Ids(round.Answer)
            .Select(id => new StreamToken(id, Score(TokenRole.Answer, round, random), TokenRole.Answer, chosen, index))
            .ToArray();
        var candidates = round.Candidates.Select(c => FirstId(c)).ToArray();
        int reserve = round.Candidates.Max(c => Ids(c).Length);
        return new EncodedRound(round, prompt, answer, candidates, reserve);
    }

    int FirstId(string candidate)
    {
        var ids = Ids(candidate);
        return ids.Length > 0 ? ids[0] : throw new ArgumentException($"the candidate answer \"{candidate}\" encodes to no tokens");
    }

    /// <summary>Ids and each token's first character in the chunk (from the tokens' own text, checked to add up).</summary>
    (int[] Ids, int[] Starts) Encode(string chunk) => cache.GetOrAdd(chunk, text =>
    {
        int[] ids;
        // The tokenizer library's caches are not promised to be thread-safe; encodings are cached, so this rarely waits.
        lock (cache) ids = tokenizer.Encode(text);
        var starts = new int[ids.Length];
        int at = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            starts[i] = at;
            at += tokenizer.TokenText(ids[i]).Length;
        }
        if (at != text.Length || tokenizer.Decode(ids) != text)
            throw new InvalidDataException($"the tokenizer does not reproduce the chunk \"{text}\" token by token; the corpus needs a lossless byte-level tokenizer over ASCII text");
        return (ids, starts);
    });

    static List<(int Start, int End, TokenRole Role, int Tag)> Spans(DialogueRound round)
    {
        var spans = new List<(int, int, TokenRole, int)>();
        switch (round.Kind)
        {
            case RoundKind.Rps when round.RevealedMove is { } move:
                var reported = Bracketed().Match(round.Prompt).Groups["inside"];
                spans.Add((reported.Index, reported.Index + reported.Length, TokenRole.OpponentMove, (int)move));
                break;
            case RoundKind.GroceryRequest:
                var item = Bracketed().Match(round.Prompt).Groups["inside"];
                spans.Add((item.Index, item.Index + item.Length, TokenRole.Item, round.Episode));
                break;
            case RoundKind.GroceryQuestion or RoundKind.GroceryRecall:
                var question = Question().Match(round.Prompt);
                if (!question.Success) break;
                if (round.Kind == RoundKind.GroceryQuestion) Add(question.Groups["question"]);
                Add(question.Groups["options"]);
                break;
        }
        return spans;

        void Add(Group g) => spans.Add((g.Index, g.Index + g.Length, TokenRole.Content, -1));
    }

    /// <summary>A token takes the role of the first span it overlaps; a token partly outside a span still carries it.</summary>
    static (TokenRole, int) RoleOf(List<(int Start, int End, TokenRole Role, int Tag)> spans, int start, int end)
    {
        foreach (var span in spans)
            if (start < span.End && end > span.Start) return (span.Role, span.Tag);
        return (TokenRole.Template, -1);
    }

    static float Score(TokenRole role, DialogueRound round, StableRandom random) => role switch
    {
        TokenRole.OpponentMove => (float)-Math.Log((1 - Smoothing) * round.RevealedMoveProbability + Smoothing / 3),
        TokenRole.Item => (float)(3.0 + 1.5 * random.NextDouble()),
        TokenRole.Content => (float)(0.5 + 2.0 * random.NextDouble()),
        TokenRole.Answer => (float)(0.05 + 0.65 * random.NextDouble()),
        // A trained model is surer of the template than of anything else: in play half its tokens score under 1e-4
        // nats and nine in ten under 0.003 (docs/results.md). Log-uniform in [1e-6, 1e-2] matches that, so that SirLLM
        // drops the template before a move decayed for dozens of rounds, and holds as many moves as it does in play.
        _ => (float)Math.Exp(Math.Log(1e-6) + Math.Log(1e4) * random.NextDouble()),
    };
}
