using System.Text.Json;
using System.Text.Json.Serialization;

namespace SirArena.Llm.Model;

/// <summary>
/// The shape of a Llama-family decoder, read from and written to a Hugging Face <c>config.json</c>
/// (LlamaForCausalLM, Qwen2ForCausalLM, MistralForCausalLM and their kin). Property names are the Hugging Face keys.
/// Every key either shapes the computation here (and is honoured), or is known not to change it (bookkeeping,
/// training and generation settings, see <see cref="HarmlessKeys"/>); any other key is refused by name, since a
/// checkpoint that asks for math this decoder does not do would otherwise load and compute something else.
/// </summary>
public sealed record LlamaConfig
{
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; }
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; }
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; }
    [JsonPropertyName("num_hidden_layers")] public int NumHiddenLayers { get; init; }
    [JsonPropertyName("num_attention_heads")] public int NumAttentionHeads { get; init; }
    /// <summary>Grouped-query attention: heads of K/V; equal to <see cref="NumAttentionHeads"/> when absent.</summary>
    [JsonPropertyName("num_key_value_heads")] public int? NumKeyValueHeads { get; init; }
    /// <summary>Per-head width; hidden_size / num_attention_heads when absent.</summary>
    [JsonPropertyName("head_dim")] public int? HeadDimOverride { get; init; }
    [JsonPropertyName("rms_norm_eps")] public double RmsNormEps { get; init; } = 1e-6;
    [JsonPropertyName("rope_theta")] public double RopeTheta { get; init; } = 10000.0;
    /// <summary>The pre-training length L: the model was trained on sequences of at most this many tokens.</summary>
    [JsonPropertyName("max_position_embeddings")] public int MaxPositionEmbeddings { get; init; } = 2048;
    [JsonPropertyName("tie_word_embeddings")] public bool TieWordEmbeddings { get; init; }
    /// <summary>Biases on q/k/v projections (Qwen2 has them; Llama does not).</summary>
    [JsonPropertyName("attention_bias")] public bool AttentionBias { get; init; }
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "silu";
    [JsonPropertyName("model_type")] public string ModelType { get; init; } = "llama";
    [JsonPropertyName("architectures")] public string[] Architectures { get; init; } = ["LlamaForCausalLM"];
    [JsonPropertyName("torch_dtype")] public string TorchDtype { get; init; } = "float32";
    [JsonPropertyName("bos_token_id")] public int? BosTokenId { get; init; }
    /// <summary>One id or several (Llama 3 instruct models end a turn on any of three).</summary>
    [JsonPropertyName("eos_token_id"), JsonConverter(typeof(TokenIdsConverter))] public int[]? EosTokenIds { get; init; }
    [JsonPropertyName("rope_scaling")] public RopeScaling? RopeScaling { get; init; }
    /// <summary>Qwen2's switch for <see cref="SlidingWindow"/>; Mistral has none and slides whenever a window is given.</summary>
    [JsonPropertyName("use_sliding_window")] public bool? UseSlidingWindow { get; init; }
    [JsonPropertyName("sliding_window")] public int? SlidingWindow { get; init; }
    /// <summary>Qwen2: layers from this index on slide; below it they attend to everything.</summary>
    [JsonPropertyName("max_window_layers")] public int? MaxWindowLayers { get; init; }
    [JsonPropertyName("mlp_bias")] public bool MlpBias { get; init; }
    /// <summary>Every other key of the file, checked against <see cref="HarmlessKeys"/>.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherKeys { get; init; }

    /// <summary>Keys that say nothing about the forward pass: provenance, initialisation, dropout (off at
    /// inference), caching, padding, the tensor-parallel split of pre-training, and generation defaults.</summary>
    public static readonly IReadOnlySet<string> HarmlessKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "transformers_version", "_name_or_path", "dtype", "initializer_range", "attention_dropout", "use_cache",
        "pad_token_id", "pretraining_tp", "is_llama_config", "tokenizer_class", "return_dict", "output_attentions",
        "output_hidden_states", "torchscript", "use_bfloat16", "id2label", "label2id", "problem_type",
        "bad_words_ids", "do_sample", "max_length", "min_length", "num_beams", "temperature", "top_k", "top_p",
        "repetition_penalty", "length_penalty", "no_repeat_ngram_size", "num_return_sequences", "early_stopping",
        "decoder_start_token_id", "sep_token_id", "forced_bos_token_id", "forced_eos_token_id",
    };

    [JsonIgnore] public int KeyValueHeads => NumKeyValueHeads ?? NumAttentionHeads;
    [JsonIgnore] public int HeadDim => HeadDimOverride ?? HiddenSize / Math.Max(1, NumAttentionHeads);

    /// <summary>The sliding window some layers attend within, or null when every layer attends to all it holds.</summary>
    [JsonIgnore] public int? ActiveSlidingWindow =>
        SlidingWindow is not { } window ? null
        : UseSlidingWindow == false ? null
        : UseSlidingWindow == true && MaxWindowLayers is { } first && first >= NumHiddenLayers ? null
        : window;

    /// <summary>
    /// The most tokens a memory of this model may hold: the pre-training length, or the sliding window where that is
    /// shorter (within it sliding attention is full attention; past it this decoder would compute something else).
    /// </summary>
    [JsonIgnore] public int AttentionSpan => Math.Min(MaxPositionEmbeddings, ActiveSlidingWindow ?? int.MaxValue);

    /// <summary>Which key sets <see cref="AttentionSpan"/>, for messages.</summary>
    [JsonIgnore] public string AttentionSpanKey => AttentionSpan < MaxPositionEmbeddings ? "sliding_window" : "max_position_embeddings";

    /// <summary>Qwen2 checkpoints carry q/k/v biases without saying so in an <c>attention_bias</c> key.</summary>
    [JsonIgnore] public bool HasQkvBias => AttentionBias || ModelType == "qwen2";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public LlamaConfig Validate()
    {
        Positive(VocabSize, "vocab_size");
        Positive(HiddenSize, "hidden_size");
        Positive(IntermediateSize, "intermediate_size");
        Positive(NumHiddenLayers, "num_hidden_layers");
        Positive(NumAttentionHeads, "num_attention_heads");
        Positive(KeyValueHeads, "num_key_value_heads");
        Positive(MaxPositionEmbeddings, "max_position_embeddings");
        if (NumAttentionHeads % KeyValueHeads != 0)
            throw new ArgumentException($"num_attention_heads ({NumAttentionHeads}) must be a multiple of num_key_value_heads ({KeyValueHeads})");
        if (HeadDimOverride is null && HiddenSize % NumAttentionHeads != 0)
            throw new ArgumentException($"hidden_size ({HiddenSize}) must be a multiple of num_attention_heads ({NumAttentionHeads})");
        if (HeadDim % 2 != 0)
            throw new ArgumentException($"head_dim ({HeadDim}) must be even for rotary position embeddings");
        if (!(RmsNormEps > 0)) throw new ArgumentException($"rms_norm_eps must be > 0, got {RmsNormEps}");
        if (!(RopeTheta > 0)) throw new ArgumentException($"rope_theta must be > 0, got {RopeTheta}");
        if (HiddenAct != "silu")
            throw new ArgumentException($"hidden_act \"{HiddenAct}\" is not supported; Llama-family models use \"silu\"");
        if (!SupportedModelTypes.Contains(ModelType))
            throw new ArgumentException($"model_type \"{ModelType}\" is not supported; supported: {string.Join(", ", SupportedModelTypes)}");
        if (MlpBias) throw new ArgumentException("mlp_bias true is not supported: this decoder's feed-forward layers have no biases");
        if (ActiveSlidingWindow is <= 0) throw new ArgumentException($"sliding_window must be a positive integer, got {SlidingWindow}");
        RopeScaling?.Validate();
        foreach (var (key, value) in OtherKeys ?? [])
            if (!HarmlessKeys.Contains(key) && !IsOffSwitch(key, value))
                throw new ArgumentException($"config.json key \"{key}\" is not supported: this decoder does not implement it and it may change the computation");
        return this;
    }

    public static readonly IReadOnlyList<string> SupportedModelTypes = ["llama", "qwen2", "mistral"];

    /// <summary>Flags that change the computation only when on, and layer lists that say every layer attends fully.</summary>
    static bool IsOffSwitch(string key, JsonElement value) => key switch
    {
        "rope_interleaved" or "use_qk_norm" => value.ValueKind is JsonValueKind.False or JsonValueKind.Null,
        "layer_types" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && t.GetString() == "full_attention"),
        _ => false,
    };

    static void Positive(int value, string key)
    {
        if (value <= 0) throw new ArgumentException($"{key} must be a positive integer, got {value}");
    }

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses and validates a config.json; <paramref name="source"/> names the file in errors.</summary>
    public static LlamaConfig FromJson(string json, string source)
    {
        LlamaConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<LlamaConfig>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a valid config.json ({e.Message}{(e.Message.Contains("Path:") || e.Path is null ? "" : $" at {e.Path}")})", e);
        }
        if (config is null) throw new InvalidDataException($"{source}: empty config.json");
        try
        {
            return config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    public static LlamaConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: config.json not found", path);
        return FromJson(File.ReadAllText(path), path);
    }

    public void Save(string path) => File.WriteAllText(path, ToJson());
}
