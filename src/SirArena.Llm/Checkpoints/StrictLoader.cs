using SirArena.Llm.Model;
using static TorchSharp.torch;

namespace SirArena.Llm.Checkpoints;

/// <summary>
/// Strict loading in the manner of PyTorch's <c>load_state_dict(strict=True)</c>: the checkpoint and
/// the model built from config.json must name the same tensors with the same shapes. The two
/// exceptions are those transformers itself makes: rotary <c>inv_freq</c> buffers, which some older
/// checkpoints carry though they are recomputed from rope_theta, and a tied <c>lm_head.weight</c>.
/// Every weight must also be finite; a tensor with NaN or Inf stops the load, naming its file and name, and the
/// caller disposes the half-filled model.
/// </summary>
internal static class StrictLoader
{
    const string Head = "lm_head.weight";
    const string Embeddings = "model.embed_tokens.weight";
    const int ProblemsShown = 10;

    public static void Load(CheckpointReader checkpoint, IReadOnlyDictionary<string, Tensor> destination)
    {
        var config = checkpoint.Config;
        var problems = new List<string>();
        var sources = new List<(Tensor Target, string Source)>();
        foreach (var (name, target) in destination.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            string? source = checkpoint.Tensors.ContainsKey(name) ? name
                : name == Head && config.TieWordEmbeddings && checkpoint.Tensors.ContainsKey(Embeddings) ? Embeddings
                : null;
            if (source is null)
            {
                problems.Add($"{checkpoint.WeightsPath}: tensor {name} is missing; the model built from config.json " +
                             $"expects shape {SafeTensorInfo.Format(target.shape)}");
                continue;
            }
            var info = checkpoint.Tensors[source];
            if (!info.Shape.SequenceEqual(target.shape))
                problems.Add($"{info.File}: tensor {source} has shape {SafeTensorInfo.Format(info.Shape)}, expected " +
                             $"{SafeTensorInfo.Format(target.shape)} from config.json ({Dimensions(config)})");
            else if (!info.Dtype.IsSupported)
                problems.Add($"{info.File}: tensor {source} has dtype {info.Dtype}, which is not supported; F32, F16 and BF16 are");
            else
                sources.Add((target, source));
        }
        foreach (var (name, info) in checkpoint.Tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
            if (!destination.ContainsKey(name) && !MayBeIgnored(name, config))
                problems.Add($"{info.File}: tensor {name} is unexpected; the model built from config.json has no such parameter");
        if (problems.Count > 0) throw new CheckpointException(Describe(checkpoint.Folder, problems));

        using (no_grad())
            foreach (var (target, source) in sources)
            {
                using var scope = NewDisposeScope();
                // copy_ converts dtype and device, so the stored dtype is read as it is.
                var values = checkpoint.Read(source, convertTo: null);
                // A NaN or Inf weight makes every score NaN, which no later step can tell from a bad choice.
                if (!values.isfinite().all().item<bool>())
                    throw new CheckpointException($"{checkpoint.Tensors[source].File}: tensor {source} holds NaN or infinite values; every weight must be finite");
                target.copy_(values);
            }
    }

    static bool MayBeIgnored(string name, LlamaConfig config) =>
        name.EndsWith("rotary_emb.inv_freq", StringComparison.Ordinal) || (name == Head && config.TieWordEmbeddings);

    static string Dimensions(LlamaConfig c) =>
        $"vocab_size {c.VocabSize}, hidden_size {c.HiddenSize}, intermediate_size {c.IntermediateSize}, " +
        $"num_attention_heads {c.NumAttentionHeads}, num_key_value_heads {c.KeyValueHeads}, head_dim {c.HeadDim}";

    static string Describe(string folder, List<string> problems)
    {
        if (problems.Count == 1) return problems[0];
        string shown = string.Join(Environment.NewLine, problems.Take(ProblemsShown).Select(p => "  " + p));
        string more = problems.Count > ProblemsShown ? $"{Environment.NewLine}  ... and {problems.Count - ProblemsShown} more" : "";
        return $"{folder}: the checkpoint does not fit the model ({problems.Count} problems):{Environment.NewLine}{shown}{more}";
    }
}
