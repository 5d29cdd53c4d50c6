using System.Diagnostics;
using SirArena.Llm.Model;
using TorchSharp;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// GFLOP/s of a round's linear layers run alone on as many rows as a round has tokens, with weights of the model's
/// shapes (those of as many layers as asked, and the head): what a round's compute could reach at best on this
/// machine. With one layer its weights stay in the processor's caches from burst to burst; with every layer they are
/// read from memory as a round reads them. Its tensors are made once, so it can be measured beside every repeat of a
/// benchmark, which is what makes "floor / achieved" a ratio of two things measured side by side.
/// </summary>
public sealed class MatmulFloor : IDisposable
{
    readonly torch.Device device;
    readonly torch.Tensor[] weights, inputs;
    readonly double flops;
    readonly int reps;

    public MatmulFloor(LlamaConfig c, torch.Device device, int rows, int layers)
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
