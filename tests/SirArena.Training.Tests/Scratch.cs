using System.Diagnostics;
using SirArena.Simulation.Randomness;
using SirArena.Training.Corpus;
using SirArena.Training.Tests.Support;
using Xunit.Abstractions;

namespace SirArena.Training.Tests;

public class Scratch(ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        foreach (var size in new[] { 512, 768, 1024, 2048 })
        {
            var sw = Stopwatch.StartNew();
            var v = Shipped.TrainVocabulary(size);
            output.WriteLine($"target {size}: vocab {v.Count} merges {v.Merges.Count} in {sw.ElapsedMilliseconds} ms");
        }
        var tok = Shipped.Tokenizer;
        var rps = ScenarioStreams.Rps(OpponentFamily.Draw(new StableRandom(3), 5), 5, new StableRandom(4));
        foreach (var r in rps.Take(3)) output.WriteLine($"{tok.Encode(r.Prompt).Length}: " + string.Join("|", tok.Encode(r.Prompt).Select(tok.TokenText)));
        var gro = new ScenarioStreams(Shipped.Grocery).Grocery(30, new StableRandom(5));
        foreach (var r in gro.Take(4)) output.WriteLine($"{tok.Encode(r.Prompt).Length}: " + string.Join("|", tok.Encode(r.Prompt).Select(tok.TokenText)));
        var gen = new CorpusGenerator(new ChunkEncoder(tok), Shipped.Grocery, new CorpusOptions());
        var sw2 = Stopwatch.StartNew();
        var windows = gen.Generate(1, "train", 2000);
        output.WriteLine($"2000 windows in {sw2.ElapsedMilliseconds} ms; mean len {windows.Average(w => w.Ids.Length):F0}, mean answers {windows.Average(w => w.Answers.Length):F2}, mean prefix {windows.Average(w => w.PrefixLength):F0}");
        foreach (var g in windows.GroupBy(w => w.PolicyFamily)) output.WriteLine($"{g.Key}: {g.Count()}");
        foreach (var g in windows.SelectMany(w => w.Answers).GroupBy(a => a.Kind)) output.WriteLine($"{g.Key}: {g.Count()}");
        var sir = windows.First(w => w.Policy.StartsWith("sir") && w.PrefixLength > 300);
        output.WriteLine(sir.Policy + ": " + tok.Decode(sir.Ids.Take(sir.PrefixLength).ToArray()).Replace("\n", "⏎"));
    }
}
