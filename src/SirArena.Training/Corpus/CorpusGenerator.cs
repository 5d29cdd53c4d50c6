using SirArena.Simulation.Games.Grocery;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Opponents;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Scenarios;

namespace SirArena.Training.Corpus;

/// <summary>
/// The synthetic corpus the default model is trained on: long simulated streams of the project's scenarios
/// (Rock-Paper-Scissors against <see cref="OpponentFamily"/>, grocery episodes), answered by
/// <see cref="ContextPlayer"/>s of varied quality, compacted by a drawn memory policy, and cut into
/// <see cref="TrainingWindow"/>s whose answer targets come from the visible evidence. Stream i depends only on the
/// seed and i, so a pool is the same however it is computed.
/// </summary>
public sealed class CorpusGenerator
{
    readonly ChunkEncoder encoder;
    readonly ScenarioStreams scenarios;
    readonly CorpusOptions options;
    readonly WindowBuilder builder;

    /// <param name="items">where grocery streams draw their items; the scenario's own list when null</param>
    public CorpusGenerator(ChunkEncoder encoder, GroceryScenarioDefinition grocery, CorpusOptions options, ItemPool? items = null)
    {
        this.encoder = encoder;
        this.options = options.Validate();
        scenarios = new ScenarioStreams(grocery, items);
        builder = new WindowBuilder(options.ContextLength, options.MaxRoundsPerWindow);
    }

    /// <summary>The first <paramref name="count"/> windows of the streams of (<paramref name="seed"/>, <paramref name="label"/>),
    /// streams simulated in parallel and concatenated in stream order. <paramref name="perStream"/> caps the windows
    /// taken from one stream (evenly spaced through it): a held-out set wants many streams more than many windows.</summary>
    public List<TrainingWindow> Generate(ulong seed, string label, int count, int? perStream = null)
    {
        var root = new StableRandom(seed).Derive(label);
        var windows = new List<TrainingWindow>(count);
        int block = 4 * Environment.ProcessorCount;
        for (int first = 0; windows.Count < count; first += block)
        {
            var streams = new List<TrainingWindow>[block];
            Parallel.For(0, block, i => streams[i] = Stream(root, first + i));
            foreach (var stream in streams) windows.AddRange(Spread(stream, perStream).Take(count - windows.Count));
        }
        return windows;
    }

    static IEnumerable<TrainingWindow> Spread(List<TrainingWindow> stream, int? perStream) =>
        perStream is { } k && stream.Count > k
            ? Enumerable.Range(0, k).Select(i => stream[i * stream.Count / k])
            : stream;

    /// <summary>The windows of stream <paramref name="index"/>.</summary>
    public List<TrainingWindow> Stream(StableRandom root, int index)
    {
        var random = root.Derive($"stream {index}");
        bool opening = random.Derive("opening").NextDouble() < options.OpeningShare;
        // Every memory holds a match's opening whole: full memory is what any policy would leave.
        var policy = opening ? new PolicyChoice("full", options.ContextLength) : PolicyChoice.Draw(random.Derive("policy"), options.ContextLength, options.Policies);
        // A rule read from a thinned past is not the rule: sequences live on memories that keep the recent text whole.
        bool sequences = options.Players == RpsPlayers.Sequences && policy.KeepsWholeText;
        var text = opening
            ? scenarios.Grocery(random.Derive("rounds").NextInt(3, 10), random.Derive("grocery"), opening: true)
            : Text(random, policy, sequences);
        var scores = random.Derive("scores");
        var rounds = text.Select((round, index) => encoder.Encode(round, scores, index)).ToList();
        var cut = random.Derive("cut");
        double p = Math.Min(1.0, (double)options.WindowsPerStream / rounds.Count);
        // Recalls are rare in a stream; cut at each of them (up to as many again as the other cuts, or a drill stream
        // would fill the pool with overlapping windows) so that reading a request back is trained about as often as
        // answering the questions in between.
        int recalls = rounds.Count(r => r.Source.Kind == RoundKind.GroceryRecall);
        double q = Math.Min(1.0, (double)options.WindowsPerStream / Math.Max(1, recalls));
        var windows = builder.Build(rounds, policy, r => rounds[r].Source.Kind == RoundKind.GroceryRecall ? cut.NextDouble() < q : cut.NextDouble() < p,
            random.Derive("thinning"), readRules: sequences);
        return opening ? windows.ConvertAll(w => w with { Policy = TrainingWindow.Opening }) : windows;
    }

    /// <summary>A stream's rounds as text. Full memory holds only the first rounds of a match, so its streams are short.</summary>
    List<DialogueRound> Text(StableRandom random, PolicyChoice policy, bool sequences)
    {
        bool grocery = random.NextDouble() < options.GroceryShare;
        int max = policy.Name == "full" ? 40 : grocery ? options.MaxGroceryRounds : options.MaxRpsRounds;
        int rounds = LogUniform(random, grocery ? 20 : 12, max);
        return grocery
            ? scenarios.Grocery(rounds, random.Derive("grocery"))
            : ScenarioStreams.Rps(Opponent(random.Derive("opponent"), rounds, sequences), rounds, random.Derive("rps"));
    }

    IOpponentStrategy Opponent(StableRandom random, int rounds, bool sequences) =>
        sequences && random.Derive("sequence").NextDouble() < options.SequenceShare
            ? OpponentFamily.Sequence(random)
            : OpponentFamily.Counting(random, rounds);

    /// <summary>Short streams as often as long ones per factor of length: early rounds and late ones both matter.</summary>
    static int LogUniform(StableRandom random, int min, int max) =>
        Math.Min(max, (int)Math.Round(min * Math.Pow((double)max / min, random.NextDouble())));

    /// <summary>
    /// Text for training the tokenizer: the prompt and answer chunks of a few streams of each scenario, chunk by chunk
    /// as the agent encodes them, plus every candidate answer. Every player family renders the same round text, so the
    /// tokenizer draws counting players whatever the corpus draws.
    /// </summary>
    public static IEnumerable<string> TokenizerChunks(GroceryScenarioDefinition grocery, ulong seed, int streams = 48, ItemPool? items = null)
    {
        var root = new StableRandom(seed).Derive("tokenizer");
        var scenarios = new ScenarioStreams(grocery, items);
        for (int i = 0; i < streams; i++)
        {
            var random = root.Derive($"stream {i}");
            var text = i % 2 == 0
                ? ScenarioStreams.Rps(OpponentFamily.Counting(random, 200), 200, random.Derive("rps"))
                : scenarios.Grocery(400, random.Derive("grocery"));
            foreach (var round in text)
            {
                yield return round.Prompt;
                yield return round.Answer;
                foreach (var candidate in round.Candidates) yield return candidate;
            }
        }
        foreach (var item in grocery.Items)
            for (int copy = 0; copy < 2; copy++)
                yield return DialogueFormat.Prompt(1, GroceryText.Request(item)) + " " + item;
    }
}
