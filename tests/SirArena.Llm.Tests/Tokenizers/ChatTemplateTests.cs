using SirArena.Llm.Tests.Support;
using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>The chat template is read from chat_template.jinja or tokenizer_config.json, whichever format the tokenizer has.</summary>
public sealed class ChatTemplateTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_template_string_in_tokenizer_config_json_is_exposed_as_written()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        folder.Write("tokenizer_config.json", """{"chat_template": "{% for m in messages %}{{ m.content }}{% endfor %}"}""");

        TextTokenizer.Load(folder.Path).ChatTemplate.Should().Be("{% for m in messages %}{{ m.content }}{% endfor %}");
    }

    [Fact]
    public void From_a_list_of_named_templates_the_default_one_is_taken()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        folder.Write("tokenizer_config.json", """{"chat_template": [{"name": "tool_use", "template": "T"}, {"name": "default", "template": "D"}]}""");

        TextTokenizer.Load(folder.Path).ChatTemplate.Should().Be("D");
    }

    [Fact]
    public void Chat_template_jinja_wins_over_tokenizer_config_json()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        folder.Write("tokenizer_config.json", """{"chat_template": "from config"}""");
        folder.Write("chat_template.jinja", "from jinja");

        TextTokenizer.Load(folder.Path).ChatTemplate.Should().Be("from jinja");
    }

    [Fact]
    public void A_folder_without_a_template_has_none()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);

        TextTokenizer.Load(folder.Path).ChatTemplate.Should().BeNull();
    }

    [Fact]
    public void A_template_that_is_neither_string_nor_list_is_refused_naming_the_file()
    {
        TinyByteLevelBpe.WriteTo(folder.Path);
        folder.Write("tokenizer_config.json", """{"chat_template": 3}""");

        var act = () => TextTokenizer.Load(folder.Path);
        act.Should().Throw<InvalidDataException>()
            .WithMessage($"{folder.File("tokenizer_config.json")}: chat_template: expected a string or a list of {{\"name\", \"template\"}}, found a Number");
    }
}
