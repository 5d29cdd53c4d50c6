using SirArena.Llm.Cache;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SirArena.Llm.Model;

/// <summary>
/// A Llama-family causal language model. Module fields carry the Hugging Face tensor names
/// (model.embed_tokens, model.layers.N.self_attn.q_proj, ..., lm_head) so that a checkpoint loads strictly,
/// name for name, with no mapping table. With tied embeddings there is no lm_head: the embedding matrix
/// doubles as the output projection.
/// </summary>
public sealed class LlamaForCausalLM : nn.Module
{
    readonly LlamaModel model;
    readonly Linear? lm_head;

    public LlamaConfig Config { get; }
    public RotaryEmbedding Rope { get; }
    /// <summary>Where the weights live; the cache and every input made for this model go there too.</summary>
    public Device Device { get; }

    /// <param name="device">CPU when null; see <see cref="Runtime.ComputeDevice"/></param>
    public LlamaForCausalLM(LlamaConfig config, Device? device = null) : base(nameof(LlamaForCausalLM))
    {
        Config = config.Validate();
        Device = device ?? CPU;
        Rope = new RotaryEmbedding(config.HeadDim, config.RopeTheta, config.MaxPositionEmbeddings, config.RopeScaling, Device);
        model = new LlamaModel(config);
        if (!config.TieWordEmbeddings)
            lm_head = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        RegisterComponents();
        if (Device.type != DeviceType.CPU) this.to(Device);
    }

    /// <summary>Logits (B, T, vocab) for ids (B, T). With a cache (batch 1) the ids continue the cached stream
    /// at slots cache.Length.. and their keys and values are appended; without one they start at position 0.</summary>
    public Tensor forward(Tensor ids, KvCache? cache = null)
    {
        // The angles of every slot the pass reads, held and new: attention rotates the new queries by the last T.
        var (cos, sin) = Rope.Angles(0, (cache?.Length ?? 0) + ids.shape[1]);
        var hidden = model.forward(ids, cos, sin, cache);
        return lm_head is not null
            ? lm_head.forward(hidden)
            : matmul(hidden, model.embed_tokens.weight!.t());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Rope.Dispose();
        base.Dispose(disposing);
    }
}
