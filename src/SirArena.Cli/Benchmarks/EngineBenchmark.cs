using System.Diagnostics;
using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using TorchSharp;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// The engine's speed and memory, measured on a decoder with random weights (speed does not depend on what the
/// weights say) of one of <see cref="Shapes"/>: per-round time and prefill throughput at several budgets, the
/// compute a round achieves against the matmul floor of the same shapes, the memory policy's share of a round, and
/// the native memory of a long stream. Rounds have the shape of a Rock-Paper-Scissors round: a 44-token user turn
/// then a 1-token answer. Results are medians over repeats, policies measured side by side.
/// </summary>
public sealed class EngineBenchmark(TextWriter output)
{
    public const int TurnTokens = 44;

    public static LlamaConfig FourMillion => new()
    {
        VocabSize = 2048, HiddenSize = 256, IntermediateSize = 688, NumHiddenLayers = 4,
        NumAttentionHeads = 8, NumKeyValueHeads = 4, MaxPositionEmbeddings = 2048,
    };

    /// <summary>The shapes `bench engine --shape` knows: the default model's size, and two real checkpoints' shapes
    /// (their config.json's sizes; positions cut to what a budget of 2,048 needs).</summary>
    public static IReadOnlyDictionary<string, LlamaConfig> Shapes { get; } = new Dictionary<string, LlamaConfig>
    {
        ["tiny"] = FourMillion,
        ["smollm2-135m"] = new()
        {
            VocabSize = 49_152, HiddenSize = 576, IntermediateSize = 1536, NumHiddenLayers = 30, NumAttentionHeads = 9,
            NumKeyValueHeads = 3, TieWordEmbeddings = true, RopeTheta = 100_000, MaxPositionEmbeddings = 2304,
        },
        ["qwen2.5-0.5b"] = new()
        {
            VocabSize = 151_936, HiddenSize = 896, IntermediateSize = 4864, NumHiddenLayers = 24, NumAttentionHeads = 14,
            NumKeyValueHeads = 2, AttentionBias = true, TieWordEmbeddings = true, RopeTheta = 1_000_000, MaxPositionEmbeddings = 2304,
            ModelType = "qwen2", Architectures = ["Qwen2ForCausalLM"],
        },
    };

    public void Run(string shape, torch.Device device, int[] budgets, int rounds, int repeats, int soakRounds)
    {
        TorchRuntime.EnsureLoaded();
        var config = Shapes[shape];
        torch.manual_seed(0);
        using var model = new LlamaForCausalLM(config, device);
        model.eval();
        long parameters = model.parameters().Sum(p => p.numel());
        output.WriteLine($"model: {shape}, {parameters / 1e6:F2}M parameters ({config.NumHiddenLayers} layers, d {config.HiddenSize}, " +
                         $"{config.NumAttentionHeads} heads / {config.KeyValueHeads} KV, vocab {config.VocabSize}); device {device}, torch threads {torch.get_num_threads()}");
        using var floor = new MatmulFloor(config, device, TurnTokens + 1);
        output.WriteLine($"rounds of {TurnTokens} + 1 tokens; {rounds} measured rounds after the cache is full, median of {repeats} repeats");
        output.WriteLine($"matmul floor: the round's linear layers alone on {TurnTokens + 1} rows, measured just before and just after " +
                         "each repeat; floor / achieved is the median of each repeat's own ratio, so a machine whose speed drifts " +
                         "during the run does not move it; the second floor runs every layer's weights in turn, as a round reads " +
                         "them, where the first repeats one layer's, which stay in the processor's caches");
        output.WriteLine();
        output.WriteLine("| budget | policy | ms / round | rounds/s | prefill tokens/s | GFLOP/s | floor / achieved | all-layer floor / achieved | policy bookkeeping share |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int budget in budgets)
        {
            double roundFlops = MatmulFloor.RoundFlops(config, TurnTokens + 1, budget);
            var policies = new Func<IMemoryPolicy>[]
            {
                () => new SirMemory(4, budget - 4, 0, eta: 0.9f),
                () => new StreamingMemory(4, budget - 4),
            };
            foreach (var create in policies)
            {
                var samples = new List<Sample>();
                List<double> ratios = [], allLayerRatios = [];
                for (int r = 0; r < repeats; r++)
                {
                    var (sample, reading) = floor.Around(() => MeasureRounds(model, create(), rounds, seed: r));
                    samples.Add(sample);
                    double achieved = roundFlops / (sample.MsPerRound * 1e6);
                    ratios.Add(reading.CacheHot / achieved);
                    allLayerRatios.Add(reading.AllLayers / achieved);
                }
                double msPerRound = Median.Of(samples.Select(s => s.MsPerRound));
                double tokensPerSecond = Median.Of(samples.Select(s => s.PrefillTokensPerSecond));
                double share = Median.Of(samples.Select(s => s.MemoryShare));
                double gflops = roundFlops / (msPerRound * 1e6);
                output.WriteLine($"| {budget} | {create().Name} | {msPerRound:F2} | {1000 / msPerRound:F2} | {tokensPerSecond:F0} | {gflops:F1} | {Median.Of(ratios):F2}x | {Median.Of(allLayerRatios):F2}x | {share:P2} |");
            }
        }
        output.WriteLine();
        output.WriteLine(floor.Summary());
        if (soakRounds >= 10) Soak(model, soakRounds);
    }

    sealed record Sample(double MsPerRound, double PrefillTokensPerSecond, double MemoryShare);

    static Sample MeasureRounds(LlamaForCausalLM model, IMemoryPolicy policy, int rounds, int seed)
    {
        using var session = new StreamSession(model, policy);
        var random = new Random(seed);
        // Fill the cache in one prefill, then a few whole rounds, so that every measured round evicts.
        var fill = new int[Math.Max(1, policy.Budget - 2 * (TurnTokens + 1))];
        for (int i = 0; i < fill.Length; i++) fill[i] = random.Next(model.Config.VocabSize);
        session.Prefill(fill);
        session.EndRound();
        for (int i = 0; i < 5; i++) Round(session, random, model.Config.VocabSize);
        session.Timings.Reset();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < rounds; i++) Round(session, random, model.Config.VocabSize);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Sample(
            elapsed.TotalMilliseconds / rounds,
            rounds * (TurnTokens + 1) / session.Timings.Decode.TotalSeconds,
            session.Timings.Memory / elapsed);
    }

    static void Round(StreamSession session, Random random, int vocabulary)
    {
        var turn = new int[TurnTokens];
        for (int i = 0; i < turn.Length; i++) turn[i] = random.Next(vocabulary);
        session.Prefill(turn, reserve: 1);
        var scores = session.ScoreCandidates([1, 2, 3]);
        session.Answer([1 + Array.IndexOf(scores, scores.Max())]);
        session.EndRound();
    }

    void Soak(LlamaForCausalLM model, int rounds)
    {
        output.WriteLine();
        output.WriteLine($"soak: {rounds} rounds of sir at budget 512, sampled every {rounds / 10} rounds");
        output.WriteLine();
        output.WriteLine("| round | RSS MiB | managed MiB | live tensors | ms / round since last sample |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        using var session = new StreamSession(model, new SirMemory(4, 508, 0, eta: 0.9f));
        var random = new Random(1);
        var stats = DisposeScopeManager.Statistics;
        long started = Stopwatch.GetTimestamp();
        var samples = new List<(double Rss, long Tensors)>();
        for (int round = 1; round <= rounds; round++)
        {
            Round(session, random, model.Config.VocabSize);
            if (round % (rounds / 10) != 0) continue;
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds / (rounds / 10);
            samples.Add((process.WorkingSet64 / 1048576.0, stats.ThreadTotalLiveCount));
            output.WriteLine($"| {round} | {samples[^1].Rss:F1} | {GC.GetTotalMemory(false) / 1048576.0:F1} | {stats.ThreadTotalLiveCount} | {ms:F2} |");
            started = Stopwatch.GetTimestamp();
        }
        // From the second sample on: the first still includes the allocator's warm-up.
        output.WriteLine();
        output.WriteLine($"RSS from round {rounds / 5} to {rounds}: {(samples[^1].Rss / samples[1].Rss - 1):+0.00%;-0.00%}; " +
                         $"live tensors {(samples.All(s => s.Tensors == samples[0].Tensors) ? "constant" : "CHANGED")} at {samples[0].Tensors}");
    }
}
