namespace SirArena.Llm.Memory;

/// <summary>
/// What a policy ranks the held tokens by. The inference session computes it from the forward pass; the policy only
/// reads the numbers, and <see cref="RetainedMemory"/> states how each kind enters and changes.
/// </summary>
public enum ScoreSource
{
    /// <summary>No score: the policy keeps by position only (StreamingLLM, Full).</summary>
    None,

    /// <summary>-ln p(token | everything before it) on entry, times eta once per round since (SirLLM).</summary>
    Surprisal,

    /// <summary>The attention the token has received from every query since it entered, summed (H2O's heavy hitters).</summary>
    AccumulatedAttention,

    /// <summary>The attention the newest token pays it, replaced on every forward pass (TOVA).</summary>
    NewestQueryAttention,

    /// <summary>Minus the L2 norm of its key on entry: low-norm keys draw the most attention (the key-norm press).</summary>
    NegativeKeyNorm,
}

public static class ScoreSources
{
    /// <summary>True when a token enters the memory at its surprisal (or at a score nothing reads), so a replay's
    /// surprisals are its scores.</summary>
    public static bool EntersAtSurprisal(this ScoreSource source) => source is ScoreSource.None or ScoreSource.Surprisal;

    /// <summary>What a held token's score is, in a few words for a legend.</summary>
    public static string Describe(this ScoreSource source) => source switch
    {
        ScoreSource.Surprisal => "surprisal on entry in nats, decayed",
        ScoreSource.AccumulatedAttention => "attention received since entry, mean over heads and layers",
        ScoreSource.NewestQueryAttention => "the newest query's attention, mean over heads and layers",
        ScoreSource.NegativeKeyNorm => "minus the key's L2 norm, mean over heads and layers",
        _ => "surprisal on entry in nats (this policy keeps by position)",
    };

    /// <summary>True for scores an attention probe reads off the forward pass: attention weights or key norms.</summary>
    public static bool ReadsForwardPass(this ScoreSource source) => source.IsAttention() || source == ScoreSource.NegativeKeyNorm;

    /// <summary>True for scores read off the attention weights, which change on every forward pass.</summary>
    public static bool IsAttention(this ScoreSource source) =>
        source is ScoreSource.AccumulatedAttention or ScoreSource.NewestQueryAttention;
}
