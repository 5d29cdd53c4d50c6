using SirArena.Llm.Tests.Support;
using System.Text.Json;
using SirArena.Llm.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>A broken checkpoint folder ends in one <see cref="CheckpointException"/> naming the file and, where there is one, the tensor.</summary>
public sealed class CheckpointErrorTests : IDisposable
{
    readonly TempFolder temp = new();
    readonly DisposeScope scope = NewDisposeScope();
    readonly string index;

    public CheckpointErrorTests() => index = temp.File("model.safetensors.index.json");

    public void Dispose()
    {
        scope.Dispose();
        temp.Dispose();
    }

    CheckpointException OpenFails()
    {
        var open = () => CheckpointReader.Open(temp.Path).Dispose();
        return open.Should().Throw<CheckpointException>().Which;
    }

    void WriteSharded()
    {
        var config = TinyLlama.Config();
        CheckpointWriter.Write(temp.Path, config, TinyLlama.RandomWeights(config, seed: 21), maxShardBytes: 20_000);
    }

    Dictionary<string, string> WeightMap()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(index));
        return json.RootElement.GetProperty("weight_map").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!);
    }

    void RewriteIndex(Dictionary<string, string> weightMap) =>
        File.WriteAllText(index, JsonSerializer.Serialize(new { metadata = new { total_size = 0 }, weight_map = weightMap }));

    [Fact]
    public void A_missing_folder_is_named()
    {
        string missing = temp.File("nowhere");
        var open = () => CheckpointReader.Open(missing);

        open.Should().Throw<CheckpointException>().WithMessage($"{missing}: checkpoint folder not found");
    }

    [Fact]
    public void A_missing_config_json_is_named()
    {
        OpenFails().Message.Should().Contain(temp.File("config.json")).And.Contain("not found");
    }

    [Fact]
    public void An_invalid_config_json_is_reported_through_the_same_exception()
    {
        File.WriteAllText(temp.File("config.json"), "{\"hidden_size\": 32");

        OpenFails().Message.Should().Contain(temp.File("config.json")).And.Contain("not a valid config.json");
    }

    [Fact]
    public void A_folder_without_weights_names_both_files_it_looked_for()
    {
        TinyLlama.Config().Save(temp.File("config.json"));

        OpenFails().Message.Should().Contain(temp.Path).And.Contain("model.safetensors").And.Contain("model.safetensors.index.json");
    }

    [Fact]
    public void A_shard_the_index_names_but_the_folder_lacks_is_named()
    {
        WriteSharded();
        string shard = WeightMap()["model.norm.weight"];
        File.Delete(temp.File(shard));

        OpenFails().Message.Should().Contain(index).And.Contain(shard).And.Contain("not in");
    }

    [Fact]
    public void An_index_that_puts_a_tensor_in_the_wrong_shard_names_the_tensor()
    {
        WriteSharded();
        var map = WeightMap();
        string other = map.Values.First(s => s != map["model.norm.weight"]);
        map["model.norm.weight"] = other;
        RewriteIndex(map);

        OpenFails().Message.Should().Contain(index).And.Contain("tensor model.norm.weight").And.Contain(other);
    }

    [Fact]
    public void A_shard_tensor_the_index_does_not_list_is_named()
    {
        WriteSharded();
        var map = WeightMap();
        string shard = map["model.norm.weight"];
        map.Remove("model.norm.weight");
        RewriteIndex(map);

        OpenFails().Message.Should().Contain(temp.File(shard)).And.Contain("tensor model.norm.weight").And.Contain(index);
    }

    [Fact]
    public void An_index_that_is_not_json_is_named()
    {
        WriteSharded();
        File.WriteAllText(index, "{\"weight_map\": ");

        OpenFails().Message.Should().Contain(index).And.Contain("not valid JSON");
    }

    [Fact]
    public void An_index_shard_path_that_leaves_the_folder_is_refused()
    {
        WriteSharded();
        var map = WeightMap();
        map["model.norm.weight"] = "../model-00001-of-00002.safetensors";
        RewriteIndex(map);

        OpenFails().Message.Should().Contain(index).And.Contain("tensor model.norm.weight").And.Contain("file name beside the index");
    }

    [Fact]
    public void A_truncated_shard_names_the_shard_and_its_last_tensor()
    {
        WriteSharded();
        var map = WeightMap();
        string shard = map["model.norm.weight"];
        string last = map.Where(m => m.Value == shard).Select(m => m.Key).Order(StringComparer.Ordinal).Last();
        using (var file = new FileStream(temp.File(shard), FileMode.Open))
            file.SetLength(file.Length - 10);

        OpenFails().Message.Should().Contain(temp.File(shard)).And.Contain($"tensor {last}").And.Contain("truncated");
    }

    [Fact]
    public void Reading_a_tensor_the_checkpoint_lacks_names_the_weights_file()
    {
        WriteSharded();
        using var checkpoint = CheckpointReader.Open(temp.Path);

        var read = () => checkpoint.Read("model.layers.9.mlp.up_proj.weight");

        read.Should().Throw<CheckpointException>().WithMessage($"{index}: there is no tensor model.layers.9.mlp.up_proj.weight");
    }
}
