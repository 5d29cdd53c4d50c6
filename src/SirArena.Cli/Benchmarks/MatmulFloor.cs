using System.Diagnostics;
using SirArena.Llm.Model;
using TorchSharp;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// GFLOP/s of a round's linear layers run alone on as many rows as a round has tokens, with weights of the model's
/// shapes: what a round's compute could reach at best on this machine. Two floors: one layer's weights and the head,
/// repeated, which stay in the processor's caches from burst to burst; and every layer's weights in turn, read from
/// memory as a round reads them. Measured just before and just after each piece of work (<see cref="Around"/>), so that
/// "floor / achieved" is a ratio of two things measured side by side on a machine whose speed drifts.
/// </summary>
public sealed class MatmulFloor : IDisposable
{
    readonly Bursts cacheHot, allLayers;
    readonly List<Reading> readings = [];

    /// <summary>GFLOP/s of the two floors at one moment, or the mean of two moments.</summary>
    public sealed record Reading(double CacheHot, double AllLayers);

    public MatmulFloor(LlamaConfig config, torch.Device device, int rows)
    {
        cacheHot = new Bursts(config, device, rows, layers: 1);
        allLayers = new Bursts(config, device, rows, layers: config.NumHiddenLayers);
    }

    /// <summary>Runs <paramref name="work"/> between two readings of both floors; returns its result and their means.</summary>
    public (T Result, Reading Floor) Around<T>(Func<T> work)
    {
        var before = new Reading(cacheHot.Measure(), allLayers.Measure());
        var result = work();
        var after = new Reading(cacheHot.Measure(), allLayers.Measure());
        readings.AddRange([before, after]);
        return (result, new Reading((before.CacheHot + after.CacheHot) / 2, (before.AllLayers + after.AllLayers) / 2));
    }

    /// <summary>The median and range of every reading so far, for the line under a benchmark's table.</summary>
    public string Summary() => readings.Count == 0
        ? "matmul floor: not measured"
        : $"matmul floor over the run: median {Median.Of(readings.Select(r => r.CacheHot)):F1} GFLOP/s, " +
          $"{readings.Min(r => r.CacheHot):F1} to {readings.Max(r => r.CacheHot):F1}; all layers' weights: median " +
          $"{Median.Of(readings.Select(r => r.AllLayers)):F1}, {readings.Min(r => r.AllLayers):F1} to {readings.Max(r => r.AllLayers):F1}";

    /// <summary>
    /// Multiply-adds x 2 of a round of <paramref name="tokens"/> tokens with <paramref name="keys"/> keys held: the
    /// projections, the MLP and the head for every token, and attention's two products over the held keys.
    /// </summary>
    public static double RoundFlops(LlamaConfig c, int tokens, int keys)
    {
        double q = c.NumAttentionHeads * c.HeadDim, kv = c.KeyValueHeads * c.HeadDim, d = c.HiddenSize;
        double linear = d * q + 2 * d * kv + q * d + 3 * d * c.IntermediateSize;
        double attention = 2 * q * keys;
        return 2.0 * tokens * (c.NumHiddenLayers * (linear + attention) + d * c.VocabSize);
    }

    public void Dispose()
    {
        cacheHot.Dispose();
        allLayers.Dispose();
    }

    /// <summary>The linear layers of <c>layers</c> layers and the head, their tensors made once.</summary>
    sealed class Bursts : IDisposable
    {
        readonly torch.Device device;
        readonly torch.Tensor[] weights, inputs;
        readonly double flops;
        readonly int reps;

        public Bursts(LlamaConfig c, torch.Device device, int rows, int layers)
        {
            this.device = device;
            long q = c.NumAttentionHeads * c.HeadDim, kv = c.KeyValueHeads * c.HeadDim, d = c.HiddenSize, ff = c.IntermediateSize;
            (long In, long Out)[] layer = [(d, q), (d, kv), (d, kv), (q, d), (d, ff), (d, ff), (ff, d)];
            (long In, long Out)[] shapes = [.. Enumerable.Repeat(layer, layers).SelectMany(s => s), (d, c.VocabSize)];
            weights = [.. shapes.Select(s => torch.randn(s.Out, s.In, device: device))];
            inputs = [.. shapes.Select(s => torch.randn(rows, s.In, device: device))];
            flops = shapes.Sum(s => 2.0 * rows * s.In * s.Out);
            reps = Math.Max(3, (int)(2e9 / flops));
            for (int i = 0; i < 3; i++) Once();
        }

        /// <summary>The median of 5 timed bursts, in GFLOP/s.</summary>
        public double Measure() => Median.Of(Enumerable.Range(0, 5).Select(_ =>
        {
            long started = Stopwatch.GetTimestamp();
            for (int i = 0; i < reps; i++) Once();
            return flops * reps / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e9;
        }));

        void Once()
        {
            using var scope = torch.NewDisposeScope();
            using var _ = torch.no_grad();
            for (int i = 0; i < weights.Length; i++) torch.nn.functional.linear(inputs[i], weights[i]);
            if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
        }

        public void Dispose()
        {
            foreach (var tensor in weights.Concat(inputs)) tensor.Dispose();
        }
    }
}
