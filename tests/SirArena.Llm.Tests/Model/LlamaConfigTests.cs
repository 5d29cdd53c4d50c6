using SirArena.Llm.Model;
using SirArena.Llm.Runtime;

namespace SirArena.Llm.Tests.Model;

public class LlamaConfigTests
{
    const string Shape = """
        "vocab_size": 64, "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
        "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 256
        """;

    static LlamaConfig Parse(string extra) => LlamaConfig.FromJson("{" + Shape + (extra.Length > 0 ? ", " + extra : "") + "}", "test/config.json");

    static Action Parsing(string extra) => () => Parse(extra);

    [Fact]
    public void The_keys_of_a_real_llama_3_2_config_load_with_the_end_of_turn_ids_as_a_list()
    {
        var config = Parse("""
            "architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0, "bos_token_id": 1,
            "eos_token_id": [2, 5, 9], "head_dim": 16, "hidden_act": "silu", "initializer_range": 0.02, "mlp_bias": false,
            "model_type": "llama", "pretraining_tp": 1, "rms_norm_eps": 1e-05,
            "rope_scaling": { "factor": 32.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3" },
            "rope_theta": 500000.0, "tie_word_embeddings": true, "torch_dtype": "bfloat16", "transformers_version": "4.45.0", "use_cache": true
            """);

        config.EosTokenIds.Should().Equal(2, 5, 9);
        config.HeadDim.Should().Be(16, "head_dim is given apart from hidden_size / heads");
        config.RopeScaling!.Type.Should().Be("llama3");
        LlamaConfig.FromJson(config.ToJson(), "again").EosTokenIds.Should().Equal(2, 5, 9);
        Parse("\"eos_token_id\": 7").EosTokenIds.Should().Equal(7);
    }

    [Theory]
    [InlineData("\"attn_logit_softcapping\": 50.0", "attn_logit_softcapping")]
    [InlineData("\"rope_interleaved\": true", "rope_interleaved")]
    [InlineData("\"mlp_bias\": true", "mlp_bias")]
    [InlineData("\"model_type\": \"gemma3\"", "model_type \"gemma3\"")]
    [InlineData("\"rope_scaling\": { \"rope_type\": \"yarn\", \"factor\": 4.0 }", "rope_scaling.rope_type \"yarn\"")]
    [InlineData("\"rope_scaling\": { \"type\": \"linear\" }", "rope_scaling.factor")]
    [InlineData("\"rope_scaling\": { \"rope_type\": \"linear\", \"factor\": 2.0, \"beta_fast\": 32 }", "rope_scaling.beta_fast")]
    [InlineData("\"rope_scaling\": { \"rope_type\": \"llama3\", \"factor\": 8.0 }", "original_max_position_embeddings")]
    [InlineData("\"eos_token_id\": \"</s>\"", "eos_token_id")]
    public void A_key_that_would_change_the_computation_is_refused_by_name(string extra, string named) =>
        Parsing(extra).Should().Throw<InvalidDataException>().WithMessage($"test/config.json: *{named}*");

    [Fact]
    public void Off_switches_and_full_attention_layer_lists_are_accepted() =>
        Parsing("\"rope_interleaved\": false, \"layer_types\": [\"full_attention\", \"full_attention\"], \"rope_scaling\": null").Should().NotThrow();

    [Theory]
    [InlineData("\"use_sliding_window\": false, \"sliding_window\": 64, \"max_window_layers\": 1", 256)]
    [InlineData("\"use_sliding_window\": true, \"sliding_window\": 64, \"max_window_layers\": 2", 256)]
    [InlineData("\"use_sliding_window\": true, \"sliding_window\": 64, \"max_window_layers\": 1", 64)]
    [InlineData("\"model_type\": \"mistral\", \"sliding_window\": 100", 100)]
    [InlineData("\"model_type\": \"mistral\", \"sliding_window\": null", 256)]
    [InlineData("\"model_type\": \"mistral\", \"sliding_window\": 4096", 256)]
    public void A_sliding_window_limits_the_memory_only_where_some_layer_slides_within_the_pre_training_length(string extra, int span) =>
        Parse(extra).AttentionSpan.Should().Be(span);

    [Fact]
    public void Linear_scaling_turns_position_p_as_the_unscaled_rotation_turns_p_over_the_factor()
    {
        TorchRuntime.EnsureLoaded();
        using var plain = new RotaryEmbedding(16, 10000, 64);
        using var linear = new RotaryEmbedding(16, 10000, 64, new RopeScaling { RopeType = "linear", Factor = 4 }.Validate());

        var (scaledCos, scaledSin) = linear.Angles(12, 1);
        var (cos, sin) = plain.Angles(3, 1);

        scaledCos.allclose(cos, atol: 1e-6).Should().BeTrue();
        scaledSin.allclose(sin, atol: 1e-6).Should().BeTrue();
        linear.Angles(13, 1).Cos.allclose(plain.Angles(3, 1).Cos, atol: 1e-3).Should().BeFalse("13 / 4 is not 3");
    }

    [Fact]
    public void Llama3_scaling_keeps_short_wavelengths_divides_long_ones_and_blends_those_between()
    {
        var scaling = new RopeScaling { RopeType = "llama3", Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositionEmbeddings = 128 }.Validate();
        double[] frequencies = [1, 0.1, 0.01, 0.001]; // wavelengths 6.3, 62.8, 628, 6283 against the bounds 128 / 4 = 32 and 128 / 1

        var scaled = scaling.Apply(frequencies);

        scaled[0].Should().Be(1, "6.3 < 32: kept");
        // 32 <= 62.8 <= 128: s = (128 / 62.83 - 1) / (4 - 1) = 0.34574, (1 - s) * 0.1 / 8 + s * 0.1 = 0.042752
        scaled[1].Should().BeApproximately(0.042752, 1e-6);
        scaled[2].Should().BeApproximately(0.01 / 8, 1e-12, "628 > 128: divided by the factor");
        scaled[3].Should().BeApproximately(0.001 / 8, 1e-12);
    }

    [Fact]
    public void Dynamic_scaling_and_no_scaling_leave_the_frequencies_as_they_are_within_the_pre_training_length()
    {
        var unscaled = RopeScaling.Unscaled(16, 10000);

        new RopeScaling { RopeType = "dynamic", Factor = 2 }.Validate().Apply(unscaled).Should().Equal(unscaled);
        Parse("\"rope_scaling\": { \"rope_type\": \"default\" }").RopeScaling!.Apply(unscaled).Should().Equal(unscaled);
    }
}
