using System.IO.Compression;
using SirArena.Cli.Tests.Support;
using SirArena.Llm.Checkpoints;
using SirArena.Llm.Model;
using SirArena.Simulation.Scenarios;

namespace SirArena.Cli.Tests;

/// <summary>`play --model` on a folder shaped as a user would bring it from the Hugging Face hub: Qwen2's config keys,
/// its full-size tokenizer.json (with ChatML's special tokens) and no vocab.json, random weights.</summary>
public class ForeignModelTests
{
    const int QwenVocabulary = 151_936;

    static string QwenShapedFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        var fixture = Path.Combine(Path.GetDirectoryName(ScenarioFolder.Locate())!, "tests", "fixtures", "tokenizers", "qwen3");
        foreach (var packed in Directory.GetFiles(fixture, "*.gz"))
        {
            using var input = new GZipStream(File.OpenRead(packed), CompressionMode.Decompress);
            using var output = File.Create(Path.Combine(folder, Path.GetFileNameWithoutExtension(packed)));
            input.CopyTo(output);
        }
        var config = new LlamaConfig
        {
            VocabSize = QwenVocabulary, HiddenSize = 32, IntermediateSize = 64, NumHiddenLayers = 2,
            NumAttentionHeads = 4, NumKeyValueHeads = 2, MaxPositionEmbeddings = 1024, AttentionBias = true,
            TieWordEmbeddings = true, ModelType = "qwen2", Architectures = ["Qwen2ForCausalLM"], RopeTheta = 1_000_000,
        };
        TorchSharp.torch.manual_seed(5);
        using var model = new LlamaForCausalLM(config);
        PretrainedLlama.Save(model, folder);
        return folder;
    }

    [Fact]
    public async Task Play_runs_20_chatml_rounds_on_a_qwen2_shaped_folder_with_only_tokenizer_json()
    {
        using var arena = new ArenaFolder();
        var model = QwenShapedFolder(Path.Combine(arena.Path, "qwen2-random"));
        File.Exists(Path.Combine(model, "vocab.json")).Should().BeFalse("the folder has only tokenizer.json, as current models ship");

        var (code, output, error) = await CliRun.Invoke("play", "--model", model, "--chat-format", "chatml", "--rounds", "20",
            "--opponent", "rock-biased", "--config", arena.Config);

        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("sir against rock-biased: 20 rounds");
        var replay = arena.Replays().Should().ContainSingle().Subject;
        (code, output, _) = await CliRun.Invoke("replay", replay, "--round", "1");
        code.Should().Be(0);
        output.Should().Contain("<|im_start|>", "the ChatML turns are in the stream");
    }
}
