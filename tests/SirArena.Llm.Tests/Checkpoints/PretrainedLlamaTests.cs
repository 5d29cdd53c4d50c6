using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using SirArena.Llm.Tests.Support;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

public class PretrainedLlamaTests
{
    [Theory]
    [InlineData(ScalarType.Float32, null)]
    [InlineData(ScalarType.Float32, 40_000L)]
    [InlineData(ScalarType.Float16, null)]
    [InlineData(ScalarType.BFloat16, 30_000L)]
    public void A_saved_model_loads_back_with_the_logits_of_its_stored_weights(ScalarType dtype, long? maxShardBytes)
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var model = TinyModels.Create(TinyModels.Config(kvHeads: 2, bias: true));
        PretrainedLlama.Save(model, folder.Path, dtype, maxShardBytes);
        if (maxShardBytes is not null)
            Directory.GetFiles(folder.Path, "model-*-of-*.safetensors").Length.Should().BeGreaterThan(1);

        var loaded = PretrainedLlama.Load(folder.Path);

        // What the original computes with its weights rounded through the stored dtype.
        using (no_grad())
            foreach (var (_, p) in model.named_parameters()) p.copy_(p.to(dtype).to(ScalarType.Float32));
        var ids = TinyModels.Ids(TinyModels.Tokens(20));
        using var _ = no_grad();
        (loaded.forward(ids) - model.forward(ids)).abs().max().item<float>().Should().Be(0f);
        loaded.Config.Should().BeEquivalentTo(model.Config, o => o.Excluding(c => c.TorchDtype));
    }

    [Fact]
    public void The_model_built_from_a_config_has_exactly_the_names_and_shapes_config_json_implies()
    {
        var config = TinyModels.Config(kvHeads: 1, tied: true);
        using var model = new LlamaForCausalLM(config);
        var expected = LlamaTensorShapes.For(config);
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape)
            .Should().BeEquivalentTo(expected.Where(e => e.Key != "lm_head.weight").ToDictionary(e => e.Key, e => e.Value));
    }
}
