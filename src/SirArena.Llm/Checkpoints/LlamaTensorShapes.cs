using SirArena.Llm.Model;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// The tensors of a Hugging Face <c>LlamaForCausalLM</c> (or <c>Qwen2ForCausalLM</c>) checkpoint and
/// the shapes its config.json implies, with linear weights stored [out_features, in_features] as
/// PyTorch does. Lets a checkpoint be checked, and a decoder's parameter names pinned, without weights.
/// </summary>
public static class LlamaTensorShapes
{
    public static IReadOnlyDictionary<string, long[]> For(LlamaConfig config)
    {
        long hidden = config.HiddenSize;
        long queries = (long)config.NumAttentionHeads * config.HeadDim;
        long keyValues = (long)config.KeyValueHeads * config.HeadDim;
        long intermediate = config.IntermediateSize;

        var shapes = new Dictionary<string, long[]> { ["model.embed_tokens.weight"] = [config.VocabSize, hidden] };
        for (int i = 0; i < config.NumHiddenLayers; i++)
        {
            string layer = $"model.layers.{i}.";
            shapes[layer + "input_layernorm.weight"] = [hidden];
            shapes[layer + "self_attn.q_proj.weight"] = [queries, hidden];
            shapes[layer + "self_attn.k_proj.weight"] = [keyValues, hidden];
            shapes[layer + "self_attn.v_proj.weight"] = [keyValues, hidden];
            if (config.HasQkvBias)
            {
                shapes[layer + "self_attn.q_proj.bias"] = [queries];
                shapes[layer + "self_attn.k_proj.bias"] = [keyValues];
                shapes[layer + "self_attn.v_proj.bias"] = [keyValues];
            }
            shapes[layer + "self_attn.o_proj.weight"] = [hidden, queries];
            shapes[layer + "post_attention_layernorm.weight"] = [hidden];
            shapes[layer + "mlp.gate_proj.weight"] = [intermediate, hidden];
            shapes[layer + "mlp.up_proj.weight"] = [intermediate, hidden];
            shapes[layer + "mlp.down_proj.weight"] = [hidden, intermediate];
        }
        shapes["model.norm.weight"] = [hidden];
        // A tied head is the embedding matrix itself; checkpoints then usually omit it.
        if (!config.TieWordEmbeddings) shapes["lm_head.weight"] = [config.VocabSize, hidden];
        return shapes;
    }
}
