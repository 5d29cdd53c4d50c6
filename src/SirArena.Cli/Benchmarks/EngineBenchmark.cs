using System.Diagnostics;
using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using TorchSharp;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// The engine's speed and memory, measured on a ~4M-parameter decoder with random weights (speed does not depend
/// on what the weights say): per-round time and prefill throughput at several budgets, the memory policy's share of
/// a round, and the native memory of a long stream. Rounds have the shape of a Rock-Paper-Scissors round: a
/// 44-token user turn then a 1-token answer. Results are medians over repeats, policies measured side by side.
/// </summary>
public sealed class EngineBenchmark(TextWriter output)
{
    public const int TurnTokens = 44;

    public static LlamaConfig FourMillion => new()
    {
        VocabSize = 2048, HiddenSize = 256, IntermediateSize = 688, NumHiddenLayers = 4,
        NumAttentionHeads = 8, NumKeyValueHeads = 4, MaxPositionEmbeddings = 2048,
    };

    public void Run(int[] budgets, int rounds, int repeats, int soakRounds)
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(0);
        using var model = new LlamaForCausalLM(FourMillion);
        long parameters = model.parameters().Sum(p => p.numel());
        output.WriteLine($"model: {parameters / 1e6:F2}M parameters ({FourMillion.NumHiddenLayers} layers, d {FourMillion.HiddenSize}, vocab {FourMillion.VocabSize}); torch threads {torch.get_num_threads()}");
        output.WriteLine($"rounds of {TurnTokens} + 1 tokens; {rounds} measured rounds after the cache is full, median of {repeats} repeats");
        output.WriteLine();
        output.WriteLine("| budget | policy | ms / round | prefill tokens/s | policy bookkeeping share |");
        output.WriteLine("|---:|---|---:|---:|---:|");
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
                output.WriteLine($"| {budget} | {create().Name} | {msPerRound:F2} | {tokensPerSecond:F0} | {share:P2} |");
            }
        }
        if (soakRounds >= 10) Soak(model, soakRounds);
    }

    sealed record Sample(double MsPerRound, double PrefillTokensPerSecond, double MemoryShare);

    static Sample MeasureRounds(LlamaForCausalLM model, IMemoryPolicy policy, int rounds, int seed)
    {
        using var session = new StreamSession(model, policy);
        var random = new Random(seed);
        int warmup = policy.Budget / (TurnTokens + 1) + 5; // fill the cache so every measured round evicts
        for (int i = 0; i < warmup; i++) Round(session, random);
        session.Timings.Reset();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < rounds; i++) Round(session, random);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Sample(
            elapsed.TotalMilliseconds / rounds,
            rounds * (TurnTokens + 1) / session.Timings.Decode.TotalSeconds,
            session.Timings.Memory / elapsed);
    }

    static void Round(StreamSession session, Random random)
    {
        var turn = new int[TurnTokens];
        for (int i = 0; i < turn.Length; i++) turn[i] = random.Next(FourMillion.VocabSize);
        session.Prefill(turn, reserve: 1);
        var scores = session.ScoreCandidates([1, 2, 3]);
        session.Prefill([1 + Array.IndexOf(scores, scores.Max())]);
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
            Round(session, random);
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
