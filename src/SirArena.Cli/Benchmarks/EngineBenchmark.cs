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
        double floor = MatmulFloor(config, device);
        output.WriteLine($"matmul floor: {floor:F1} GFLOP/s (the round's linear layers alone, {TurnTokens + 1} rows, median of 5)");
        output.WriteLine($"rounds of {TurnTokens} + 1 tokens; {rounds} measured rounds after the cache is full, median of {repeats} repeats");
        output.WriteLine();
        output.WriteLine("| budget | policy | ms / round | rounds/s | prefill tokens/s | GFLOP/s | floor / achieved | policy bookkeeping share |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (int budget in budgets)
        {
            var policies = new Func<IMemoryPolicy>[]
            {
                () => new SirMemory(4, budget - 4, 0, eta: 0.9f),
                () => new StreamingMemory(4, budget - 4),
            };
            foreach (var create in policies)
            {
                var samples = Enumerable.Range(0, repeats).Select(r => MeasureRounds(model, create(), rounds, seed: r)).ToArray();
                double msPerRound = Median.Of(samples.Select(s => s.MsPerRound));
                double tokensPerSecond = Median.Of(samples.Select(s => s.PrefillTokensPerSecond));
                double share = Median.Of(samples.Select(s => s.MemoryShare));
                double gflops = RoundFlops(config, budget) / (msPerRound * 1e6);
                output.WriteLine($"| {budget} | {create().Name} | {msPerRound:F2} | {1000 / msPerRound:F2} | {tokensPerSecond:F0} | {gflops:F1} | {floor / gflops:F2}x | {share:P2} |");
            }
        }
        if (soakRounds >= 10) Soak(model, soakRounds);
    }

    sealed record Sample(double MsPerRound, double PrefillTokensPerSecond, double MemoryShare);

    /// <summary>
    /// Multiply-adds x 2 of one round (<see cref="TurnTokens"/> + 1 tokens) with <paramref name="keys"/> keys held:
    /// the projections, the MLP and the head for every token, and attention's two products over the held keys.
    /// </summary>
    public static double RoundFlops(LlamaConfig c, int keys)
    {
        double q = c.NumAttentionHeads * c.HeadDim, kv = c.KeyValueHeads * c.HeadDim, d = c.HiddenSize;
        double linear = d * q + 2 * d * kv + q * d + 3 * d * c.IntermediateSize;
        double attention = 2 * q * keys;
        return 2.0 * (TurnTokens + 1) * (c.NumHiddenLayers * (linear + attention) + d * c.VocabSize);
    }

    /// <summary>GFLOP/s of the round's linear layers run alone on <see cref="TurnTokens"/> + 1 rows, weights of the
    /// model's shapes (one layer's, and the head): what the round's compute could reach at best on this machine.</summary>
    static double MatmulFloor(LlamaConfig c, torch.Device device)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        long q = c.NumAttentionHeads * c.HeadDim, kv = c.KeyValueHeads * c.HeadDim, d = c.HiddenSize, ff = c.IntermediateSize;
        (long In, long Out)[] shapes = [(d, q), (d, kv), (d, kv), (q, d), (d, ff), (d, ff), (ff, d), (d, c.VocabSize)];
        var weights = shapes.Select(s => torch.randn(s.Out, s.In, device: device)).ToArray();
        var inputs = shapes.Select(s => torch.randn(TurnTokens + 1, s.In, device: device)).ToArray();
        double flops = shapes.Sum(s => 2.0 * (TurnTokens + 1) * s.In * s.Out);
        void Once()
        {
            using var inner = torch.NewDisposeScope();
            for (int i = 0; i < shapes.Length; i++) torch.nn.functional.linear(inputs[i], weights[i]);
            if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
        }
        for (int i = 0; i < 3; i++) Once();
        int reps = Math.Max(3, (int)(2e9 / flops));
        var samples = Enumerable.Range(0, 5).Select(_ =>
        {
            long started = Stopwatch.GetTimestamp();
            for (int i = 0; i < reps; i++) Once();
            return flops * reps / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e9;
        });
        return Median.Of(samples);
    }

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
