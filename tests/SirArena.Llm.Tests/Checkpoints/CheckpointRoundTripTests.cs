using SirArena.Llm.Tests.Support;
using System.Text.Json;
using TorchSharp;
using SirArena.Llm.Checkpoints;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

public sealed class CheckpointRoundTripTests : IDisposable
{
    const long ShardBytes = 20_000;
    readonly TempFolder temp = new();
    readonly DisposeScope scope = NewDisposeScope();

    public void Dispose()
    {
        scope.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void One_file_and_several_shards_hold_the_same_tensors()
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 11);
        string single = temp.File("single"), sharded = temp.File("sharded");

        CheckpointWriter.Write(single, config, weights);
        CheckpointWriter.Write(sharded, config, weights, maxShardBytes: ShardBytes);

        Directory.GetFiles(single).Select(Path.GetFileName).Should().BeEquivalentTo("config.json", "model.safetensors");
        var shards = Directory.GetFiles(sharded, "model-*-of-*.safetensors");
        shards.Length.Should().BeGreaterThan(2);
        File.Exists(Path.Combine(sharded, "model.safetensors")).Should().BeFalse();
        using var one = CheckpointReader.Open(single);
        using var many = CheckpointReader.Open(sharded);
        many.Tensors.Keys.Should().BeEquivalentTo(one.Tensors.Keys).And.BeEquivalentTo(weights.Keys);
        foreach (var (name, value) in weights)
        {
            TensorValues.Same(one.Read(name), value).Should().BeTrue(name);
            TensorValues.Same(many.Read(name), value).Should().BeTrue(name);
        }
        many.Tensors.Values.Select(t => t.File).Distinct().Should().HaveCount(shards.Length);
    }

    [Fact]
    public void Shards_keep_to_their_size_and_the_index_counts_every_tensor_byte()
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 12);
        string folder = temp.File("sharded");

        CheckpointWriter.Write(folder, config, weights, ScalarType.Float16, maxShardBytes: ShardBytes);

        using var checkpoint = CheckpointReader.Open(folder);
        foreach (var shard in checkpoint.Tensors.Values.GroupBy(t => t.File))
            shard.Sum(t => t.ByteCount).Should().BeLessThanOrEqualTo(ShardBytes, shard.Key);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "model.safetensors.index.json")));
        index.RootElement.GetProperty("metadata").GetProperty("total_size").GetInt64()
            .Should().Be(weights.Values.Sum(w => w.numel() * 2));
        index.RootElement.GetProperty("weight_map").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(weights.Keys);
    }

    [Theory]
    [InlineData(ScalarType.Float32, "F32", "float32")]
    [InlineData(ScalarType.Float16, "F16", "float16")]
    [InlineData(ScalarType.BFloat16, "BF16", "bfloat16")]
    public void Weights_read_back_as_float32_rounded_through_the_stored_dtype(ScalarType storeAs, string dtype, string torchDtype)
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 13);
        string folder = temp.File("c");

        CheckpointWriter.Write(folder, config, weights, storeAs, maxShardBytes: ShardBytes);

        using var checkpoint = CheckpointReader.Open(folder);
        checkpoint.Config.TorchDtype.Should().Be(torchDtype);
        checkpoint.Config.HiddenSize.Should().Be(32);
        foreach (var (name, value) in weights)
        {
            checkpoint.Tensors[name].Dtype.Name.Should().Be(dtype);
            TensorValues.Same(checkpoint.Read(name), value.to(storeAs).to(ScalarType.Float32)).Should().BeTrue(name);
            checkpoint.Read(name, convertTo: null).dtype.Should().Be(storeAs);
        }
    }

    [Fact]
    public void Loading_into_a_state_dict_copies_every_tensor_in_the_destination_dtype()
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 14);
        CheckpointWriter.Write(temp.Path, config, weights, ScalarType.BFloat16, maxShardBytes: ShardBytes);
        var inFloat32 = TinyLlama.Blank(config);
        var inBfloat16 = TinyLlama.Blank(config, ScalarType.BFloat16);

        using var checkpoint = CheckpointReader.Open(temp.Path);
        checkpoint.LoadInto(inFloat32);
        checkpoint.LoadInto(inBfloat16);

        foreach (var (name, value) in weights)
        {
            var rounded = value.to(ScalarType.BFloat16);
            TensorValues.Same(inFloat32[name], rounded.to(ScalarType.Float32)).Should().BeTrue(name);
            TensorValues.Same(inBfloat16[name], rounded).Should().BeTrue(name);
        }
    }

    [Fact]
    public void A_tied_head_is_not_written_and_is_filled_from_the_embeddings_on_load()
    {
        var config = TinyLlama.Config(tied: true);
        var weights = TinyLlama.RandomWeights(config, seed: 15);
        weights["lm_head.weight"] = weights["model.embed_tokens.weight"];
        var destination = TinyLlama.Blank(config);
        destination["lm_head.weight"] = zeros(50, 32);

        CheckpointWriter.Write(temp.Path, config, weights);
        using var checkpoint = CheckpointReader.Open(temp.Path);
        checkpoint.LoadInto(destination);

        checkpoint.Tensors.Should().NotContainKey("lm_head.weight");
        TensorValues.Same(destination["lm_head.weight"], weights["model.embed_tokens.weight"]).Should().BeTrue();
    }

    [Fact]
    public void Rotary_inverse_frequencies_some_checkpoints_carry_are_ignored()
    {
        var config = TinyLlama.Config();
        var weights = TinyLlama.RandomWeights(config, seed: 16);
        weights["model.layers.0.self_attn.rotary_emb.inv_freq"] = ones(4);
        CheckpointWriter.Write(temp.Path, config, weights);
        var destination = TinyLlama.Blank(config);

        using var checkpoint = CheckpointReader.Open(temp.Path);
        checkpoint.LoadInto(destination);

        TensorValues.Same(destination["model.norm.weight"], weights["model.norm.weight"]).Should().BeTrue();
    }

    [Fact]
    public void Saving_again_in_another_layout_removes_the_old_weights()
    {
        var config = TinyLlama.Config();
        CheckpointWriter.Write(temp.Path, config, TinyLlama.RandomWeights(config, seed: 17), maxShardBytes: ShardBytes);
        var second = TinyLlama.RandomWeights(config, seed: 18);

        CheckpointWriter.Write(temp.Path, config, second);

        Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().BeEquivalentTo("config.json", "model.safetensors");
        using var checkpoint = CheckpointReader.Open(temp.Path);
        TensorValues.Same(checkpoint.Read("model.norm.weight"), second["model.norm.weight"]).Should().BeTrue();
    }
}
