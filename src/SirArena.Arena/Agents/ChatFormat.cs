using SirArena.Simulation.Loop;

namespace SirArena.Arena.Agents;

/// <summary>
/// How a round's user text becomes the prompt a model family expects. A prompt is
/// <c>(first round ? Start : AfterAnswer) + UserOpen + text + UserClose + AssistantOpen</c> and the chosen candidate
/// follows it bare, so "score the first answer token" means the same in every format, the text that closes an
/// answer (a line break, an end-of-turn token) opens the next prompt, and the sinks stay the match's first tokens.
/// "paper" is the SirLLM paper's USER:/ASSISTANT: format (<see cref="DialogueFormat"/>), the default and what
/// sir-tiny is trained on; the others are the instruct formats of ChatML (Qwen, SmolLM), Llama 3 and Gemma, without
/// a system turn.
/// </summary>
public sealed record ChatFormat(string Name, string Start, string AfterAnswer, string UserOpen, string UserClose, string AssistantOpen)
{
    public static readonly ChatFormat Paper = new("paper", "", DialogueFormat.LineBreak, DialogueFormat.UserPrefix,
        DialogueFormat.LineBreak, DialogueFormat.AssistantPrefix);

    public static readonly ChatFormat ChatMl = new("chatml", "", "<|im_end|>\n", "<|im_start|>user\n", "<|im_end|>\n",
        "<|im_start|>assistant\n");

    public static readonly ChatFormat Llama3 = new("llama3", "<|begin_of_text|>", "<|eot_id|>",
        "<|start_header_id|>user<|end_header_id|>\n\n", "<|eot_id|>", "<|start_header_id|>assistant<|end_header_id|>\n\n");

    public static readonly ChatFormat Gemma = new("gemma", "<bos>", "<end_of_turn>\n", "<start_of_turn>user\n",
        "<end_of_turn>\n", "<start_of_turn>model\n");

    public static readonly IReadOnlyList<ChatFormat> All = [Paper, ChatMl, Llama3, Gemma];

    /// <summary>The text appended before the agent answers <paramref name="turn"/>.</summary>
    public string Prompt(Turn turn) =>
        (turn.Round == 0 ? Start : AfterAnswer) + UserOpen + DialogueFormat.UserText(turn.UserTurn) + UserClose + AssistantOpen;

    /// <summary>The format named <paramref name="name"/> (any case); the message lists the known names.</summary>
    public static ChatFormat Named(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown chat format \"{name}\"; known: {string.Join(", ", All.Select(f => f.Name))}", "chat-format");

    /// <summary>
    /// The format a model folder's Jinja chat template writes, recognised by the tokens that only that family's
    /// template uses; the paper's format when the folder has no template. Null when the template is none of them.
    /// </summary>
    public static ChatFormat? Recognise(string? chatTemplate) => chatTemplate switch
    {
        null or "" => Paper,
        _ when chatTemplate.Contains("<|start_header_id|>", StringComparison.Ordinal) => Llama3,
        _ when chatTemplate.Contains("<|im_start|>", StringComparison.Ordinal) => ChatMl,
        _ when chatTemplate.Contains("<start_of_turn>", StringComparison.Ordinal) => Gemma,
        _ => null,
    };

    /// <summary>
    /// <paramref name="requested"/> when given, else the one <paramref name="chatTemplate"/> is recognised as; an
    /// unrecognised template is refused with the known names and the flag that overrides it.
    /// </summary>
    public static ChatFormat For(string? requested, string? chatTemplate, string modelFolder) =>
        requested is not null ? Named(requested)
        : Recognise(chatTemplate) ?? throw new ArgumentException(
            $"{modelFolder}: the model's chat_template is none of the known chat formats ({string.Join(", ", All.Select(f => f.Name))}); name one with --chat-format (or ChatFormat in arena.json)");
}
