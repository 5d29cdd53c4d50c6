using System.Diagnostics;
using SirArena.Arena.Agents;
using SirArena.Arena.Matches;
using SirArena.Arena.Replays;
using SirArena.Llm.Model;
using TorchSharp;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// `play` as a user runs it, timed: rounds per second of one agent against one scenario on the configured model,
/// and the share of each round spent writing the replay (serialising the round and its memory trace, one write and
/// flush per round). Rounds and replay writes are timed separately inside the same run; medians over repeats. For a
/// language-model agent, the compute its rounds achieve against the matmul floor (<see cref="MatmulFloor"/>, one layer's
/// weights and every layer's) measured just before and just after each repeat.
/// </summary>
public sealed class PlayBenchmark(MatchFactory factory, TextWriter output)
{
    public void Run(MatchSpec spec, int rounds, int repeats)
    {
        var model = factory.ModelOf(spec.Agent)?.Decoder;
        using var floor = model is null ? null : new MatmulFloor(model.Config, model.Device, EngineBenchmark.TurnTokens + 1);
        output.WriteLine($"play: {spec.Agent.Name} ({spec.Agent.Policy}, budget {spec.Agent.Budget}) against {spec.Scenario}, {rounds} rounds, median of {repeats} repeats, torch threads {torch.get_num_threads()}");
        if (model is not null)
            output.WriteLine("floor / achieved: the matmul floor (the round's linear layers alone, one layer's weights in cache, or every " +
                             "layer's in turn) measured just before and just after the repeat, over the GFLOP/s the rounds achieved");
        output.WriteLine();
        output.WriteLine("| repeat | rounds/s | ms / round (play) | ms / round (replay write) | replay share | GFLOP/s | floor / achieved | all-layer floor / achieved |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var samples = new List<Sample>();
        var folder = Directory.CreateTempSubdirectory("sirarena-bench-").FullName;
        try
        {
            for (int r = 0; r < repeats; r++)
            {
                string replay = Path.Combine(folder, $"{r}.jsonl");
                var (timed, reading) = floor is null
                    ? (Play(spec, rounds, replay, model), new MatmulFloor.Reading(double.NaN, double.NaN))
                    : floor.Around(() => Play(spec, rounds, replay, model));
                double playMs = timed.Play.TotalMilliseconds / rounds;
                double writeMs = timed.Write.TotalMilliseconds / rounds;
                double gflops = timed.Flops / timed.Play.TotalSeconds / 1e9;
                var sample = new Sample(1000 / (playMs + writeMs), playMs, writeMs, writeMs / (playMs + writeMs), gflops,
                    reading.CacheHot / gflops, reading.AllLayers / gflops);
                samples.Add(sample);
                output.WriteLine($"| {r + 1} | {sample.RoundsPerSecond:F1} | {playMs:F2} | {writeMs:F3} | {sample.Share:P2} | {Cell(gflops, "F1")} | {Cell(sample.FloorRatio, "F2", "x")} | {Cell(sample.AllLayerRatio, "F2", "x")} |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"| median | {Median.Of(samples.Select(s => s.RoundsPerSecond)):F1} | {Median.Of(samples.Select(s => s.PlayMs)):F2} | " +
                         $"{Median.Of(samples.Select(s => s.WriteMs)):F3} | {Median.Of(samples.Select(s => s.Share)):P2} | {Cell(Median.Of(samples.Select(s => s.Gflops)), "F1")} | " +
                         $"{Cell(Median.Of(samples.Select(s => s.FloorRatio)), "F2", "x")} | {Cell(Median.Of(samples.Select(s => s.AllLayerRatio)), "F2", "x")} |");
        if (floor is not null) output.WriteLine(floor.Summary());
    }

    /// <summary>One repeat: the rounds and the replay writes timed apart, and the decoder's FLOPs over the rounds
    /// (each round's own tokens and held keys; 0 without a decoder).</summary>
    (TimeSpan Play, TimeSpan Write, double Flops) Play(MatchSpec spec, int rounds, string replay, LlamaForCausalLM? model)
    {
        using var match = factory.Create(spec);
        long play = 0, write = 0;
        double flops = 0;
        using var recorder = ReplayRecorder.Open(replay, spec, match, factory);
        for (int i = 0; i < rounds; i++)
        {
            long started = Stopwatch.GetTimestamp();
            var result = match.PlayRound();
            long played = Stopwatch.GetTimestamp();
            recorder.Record(result);
            write += Stopwatch.GetTimestamp() - played;
            play += played - started;
            if (model is not null && match.Agent is IMemoryAgent { LastTrace: { } trace })
                flops += MatmulFloor.RoundFlops(model.Config, trace.Prompt.TokenIds.Length + trace.Answer.TokenIds.Length, trace.CachedTokens);
        }
        return (Stopwatch.GetElapsedTime(0, play), Stopwatch.GetElapsedTime(0, write), flops);
    }

    sealed record Sample(double RoundsPerSecond, double PlayMs, double WriteMs, double Share, double Gflops, double FloorRatio, double AllLayerRatio);

    /// <summary>A figure, or "-" for a baseline agent, which has no decoder to measure.</summary>
    static string Cell(double value, string format, string unit = "") =>
        double.IsNaN(value) || double.IsInfinity(value) ? "-" : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + unit;
}
