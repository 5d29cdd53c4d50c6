using SirArena.Llm.Checkpoints;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>A checkpoint that does not fit the model built from config.json is refused whole, naming each misfit.</summary>
public sealed class StrictLoadTests : IDisposable
{
    const string QProj = "model.layers.0.self_attn.q_proj.weight";
    readonly TempFolder temp = new();
    readonly DisposeScope scope = NewDisposeScope();
    readonly string weightsFile;

    public StrictLoadTests() => weightsFile = temp.File("model.safetensors");

    public void Dispose()
    {
        scope.Dispose();
        temp.Dispose();
    }

    CheckpointException LoadFails(Dictionary<string, Tensor> weights, Dictionary<string, Tensor>? destination = null)
    {
        var config = TinyLlama.Config();
        CheckpointWriter.Write(temp.Path, config, weights);
        using var checkpoint = CheckpointReader.Open(temp.Path);
        var load = () => checkpoint.LoadInto(destination ?? TinyLlama.Blank(config));
        return load.Should().Throw<CheckpointException>().Which;
    }

    [Fact]
    public void A_tensor_missing_from_the_checkpoint_is_named_with_the_shape_expected()
    {
        var weights = TinyLlama.RandomWeights(TinyLlama.Config(), seed: 31);
        weights.Remove("model.norm.weight");

        LoadFails(weights).Message.Should().Be($"{weightsFile}: tensor model.norm.weight is missing; the model built from config.json expects shape [32]");
    }

    [Fact]
    public void A_tensor_the_model_does_not_have_is_named()
    {
        var weights = TinyLlama.RandomWeights(TinyLlama.Config(), seed: 32);
        weights["model.layers.2.mlp.up_proj.weight"] = ones(64, 32);

        LoadFails(weights).Message.Should().Contain(weightsFile).And.Contain("tensor model.layers.2.mlp.up_proj.weight is unexpected");
    }

    [Fact]
    public void An_untied_model_does_not_excuse_a_head_it_lacks()
    {
        var config = TinyLlama.Config();
        var destination = TinyLlama.Blank(config);
        destination.Remove("lm_head.weight");

        LoadFails(TinyLlama.RandomWeights(config, seed: 33), destination).Message.Should().Contain("tensor lm_head.weight is unexpected");
    }

    [Fact]
    public void A_shape_that_disagrees_with_config_json_names_file_tensor_both_shapes_and_the_dimensions()
    {
        var weights = TinyLlama.RandomWeights(TinyLlama.Config(), seed: 34);
        weights[QProj] = randn(64, 32);

        LoadFails(weights).Message.Should()
            .StartWith($"{weightsFile}: tensor {QProj} has shape [64, 32], expected [32, 32] from config.json (")
            .And.Contain("hidden_size 32");
    }

    [Fact]
    public void A_dtype_the_loader_cannot_read_is_refused_before_anything_is_copied()
    {
        TinyLlama.Config().Save(temp.File("config.json"));
        RawSafeTensors.Write(weightsFile, """{"model.norm.weight":{"dtype":"I32","shape":[2],"data_offsets":[0,8]}}""", new byte[8]);
        using var checkpoint = CheckpointReader.Open(temp.Path);

        var load = () => checkpoint.LoadInto(new Dictionary<string, Tensor> { ["model.norm.weight"] = zeros(2) });

        load.Should().Throw<CheckpointException>().WithMessage($"{weightsFile}: tensor model.norm.weight has dtype I32, which is not supported*");
    }

    [Fact]
    public void Every_misfit_is_listed_and_the_model_is_left_as_it_was()
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 35);
        weights.Remove("model.norm.weight");
        weights[QProj] = randn(64, 32);
        weights["extra.weight"] = ones(1);
        var destination = TinyLlama.Blank(config);

        string message = LoadFails(weights, destination).Message;

        message.Should().StartWith($"{temp.Path}: the checkpoint does not fit the model (3 problems)").And.Contain("model.norm.weight is missing").And.Contain(QProj).And.Contain("extra.weight");
        destination.Values.Should().OnlyContain(t => t.count_nonzero().item<long>() == 0, "nothing is copied from a checkpoint that does not fit");
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_weight_that_is_not_finite_is_refused_naming_the_file_and_the_tensor(float value)
    {
        var weights = TinyLlama.RandomWeights(TinyLlama.Config(), seed: 32);
        weights[QProj][1, 2] = value;

        LoadFails(weights).Message.Should().Be($"{weightsFile}: tensor {QProj} holds NaN or infinite values; every weight must be finite");
    }

    [Fact]
    public void Finite_weights_of_any_size_load()
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 33);
        weights[QProj].mul_(TorchScalars.Of(1e30));
        CheckpointWriter.Write(temp.Path, config, weights);
        using var checkpoint = CheckpointReader.Open(temp.Path);

        var load = () => checkpoint.LoadInto(TinyLlama.Blank(config));

        load.Should().NotThrow();
    }
}
