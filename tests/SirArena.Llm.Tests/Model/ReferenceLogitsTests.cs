using System.Text.Json;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Model;

/// <summary>
/// The decoder against an independent forward: tests/fixtures/llama-reference holds small random checkpoints and
/// the logits a NumPy transcription of Hugging Face's LlamaForCausalLM gives for a fixed sequence
/// (scripts/llama-reference/make_fixtures.py), one per rotary scaling the engine computes.
/// </summary>
public class ReferenceLogitsTests
{
    const float Tolerance = 1e-4f;

    static string Fixture(string name) => Path.Combine(RepositoryFolder.Locate(), "tests", "fixtures", "llama-reference", name);

    sealed record Expected(int[] Ids, float[][] Logits);

    static Expected ReadExpected(string folder) =>
        JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.Combine(folder, "expected.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    static float[,] Logits(LlamaForCausalLM model, int[] ids)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var logits = model.forward(tensor(ids.Select(i => (long)i).ToArray()).unsqueeze(0))[0];
        var values = logits.data<float>().ToArray();
        int vocab = (int)logits.shape[1];
        var grid = new float[ids.Length, vocab];
        Buffer.BlockCopy(values, 0, grid, 0, values.Length * sizeof(float));
        return grid;
    }

    static float MaxDifference(float[,] actual, float[][] expected)
    {
        float max = 0;
        for (int t = 0; t < expected.Length; t++)
            for (int v = 0; v < expected[t].Length; v++)
                max = Math.Max(max, Math.Abs(actual[t, v] - expected[t][v]));
        return max;
    }

    [Theory]
    [InlineData("default-qwen2")]
    [InlineData("linear")]
    [InlineData("dynamic")]
    [InlineData("llama3")]
    public void Logits_equal_the_reference_forward(string fixture)
    {
        var folder = Fixture(fixture);
        var expected = ReadExpected(folder);
        using var model = PretrainedLlama.Load(folder);

        var logits = Logits(model, expected.Ids);

        logits.GetLength(1).Should().Be(expected.Logits[0].Length);
        MaxDifference(logits, expected.Logits).Should().BeLessThan(Tolerance, $"{fixture} against the NumPy reference");
    }

    [Theory]
    [InlineData("linear", true)]
    [InlineData("llama3", true)]
    [InlineData("dynamic", false)]
    public void The_fixture_s_scaling_moves_the_logits_exactly_where_it_should(string fixture, bool moves)
    {
        // Guards the comparison above: the same weights without rope_scaling must miss the reference where the
        // scaling changes the angles (else the fixture would not test it), and match it for dynamic NTK, which
        // changes nothing within max_position_embeddings.
        var folder = Fixture(fixture);
        var expected = ReadExpected(folder);
        using var checkpoint = CheckpointReader.Open(folder);
        using var unscaled = new LlamaForCausalLM(checkpoint.Config with { RopeScaling = null });
        checkpoint.LoadInto(unscaled.state_dict());
        unscaled.eval();

        float difference = MaxDifference(Logits(unscaled, expected.Ids), expected.Logits);

        if (moves) difference.Should().BeGreaterThan(100 * Tolerance, $"{fixture}'s scaling should change the logits");
        else difference.Should().BeLessThan(Tolerance);
    }
}
