using System.Text.Json;
using System.Text.Json.Serialization;

namespace SirArena.Llm.Model;

/// <summary>
/// The shape of a Llama-family decoder, read from and written to a Hugging Face <c>config.json</c>
/// (LlamaForCausalLM, Qwen2ForCausalLM and their kin). Property names are the Hugging Face keys.
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
    [JsonPropertyName("eos_token_id")] public int? EosTokenId { get; init; }

    [JsonIgnore] public int KeyValueHeads => NumKeyValueHeads ?? NumAttentionHeads;
    [JsonIgnore] public int HeadDim => HeadDimOverride ?? HiddenSize / Math.Max(1, NumAttentionHeads);

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
        return this;
    }

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
            throw new InvalidDataException($"{source}: not a valid config.json ({e.Message})", e);
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
