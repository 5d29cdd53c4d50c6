using System.IO.Compression;
using System.Text.Json;
using SirArena.Arena.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Tests.Agents;

public class ChatFormatTests
{
    static Turn Turn(long round, string text) =>
        new("test", round, DialogueFormat.Prompt(round, text), DialogueFormat.UserTurn(text), ["A", "B"], ["A", "B"], null!, null!);

    /// <summary>The chat_template of a real model's tokenizer_config.json among the test fixtures.</summary>
    static string? FixtureTemplate(string model)
    {
        var path = Path.Combine(Path.GetDirectoryName(ScenarioFolder.Locate())!, "tests", "fixtures", "tokenizers", model, "tokenizer_config.json.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        return json.RootElement.TryGetProperty("chat_template", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
    }

    [Fact]
    public void The_paper_format_writes_exactly_the_prompt_every_shipped_scenario_renders()
    {
        var catalog = ScenarioCatalog.LoadDefault();
        foreach (var name in catalog.Names)
        {
            var scenario = catalog.Create(name, seed: 3);
            for (int r = 0; r < 25; r++)
            {
                var turn = scenario.NextTurn();
                ChatFormat.Paper.Prompt(turn).Should().Be(turn.Prompt, $"{name}, round {r}");
                scenario.Resolve(new AgentChoice(0, turn.Candidates.Select(_ => 0.0).ToArray()));
            }
        }
    }

    [Fact]
    public void An_instruct_format_opens_the_match_once_and_closes_each_answer_at_the_start_of_the_next_prompt()
    {
        ChatFormat.ChatMl.Prompt(Turn(0, "Pick one.")).Should().Be("<|im_start|>user\nPick one.<|im_end|>\n<|im_start|>assistant\n");
        ChatFormat.ChatMl.Prompt(Turn(1, "Again.")).Should().Be("<|im_end|>\n<|im_start|>user\nAgain.<|im_end|>\n<|im_start|>assistant\n");
        ChatFormat.Llama3.Prompt(Turn(0, "Hi.")).Should().Be(
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
        ChatFormat.Gemma.Prompt(Turn(2, "Hi.")).Should().Be("<end_of_turn>\n<start_of_turn>user\nHi.<end_of_turn>\n<start_of_turn>model\n");
    }

    [Theory]
    [InlineData("llama3", "llama3")]
    [InlineData("qwen3", "chatml")]
    [InlineData("qwen2.5", "chatml")]
    [InlineData("gpt2", "paper")]
    [InlineData("gemma3", "gemma")]
    [InlineData("mistral", "paper")]
    [InlineData("sir-tiny", "paper")]
    public void The_format_is_recognised_from_a_real_models_chat_template(string model, string format) =>
        ChatFormat.For(null, FixtureTemplate(model), model).Name.Should().Be(format);

    [Fact]
    public void An_unknown_template_is_refused_with_the_known_names_unless_a_format_is_named()
    {
        const string template = "{% for m in messages %}<<{{ m.role }}>> {{ m.content }}{% endfor %}";

        FluentActions.Invoking(() => ChatFormat.For(null, template, "models/x")).Should().Throw<ArgumentException>()
            .WithMessage("models/x: *paper, chatml, llama3, gemma*--chat-format*");
        ChatFormat.For("ChatML", template, "models/x").Should().Be(ChatFormat.ChatMl);
        FluentActions.Invoking(() => ChatFormat.Named("vicuna")).Should().Throw<ArgumentException>().WithMessage("*vicuna*known: paper, chatml, llama3, gemma*");
    }
}
