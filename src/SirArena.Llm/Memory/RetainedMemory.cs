using System.Runtime.InteropServices;

namespace SirArena.Llm.Memory;

/// <summary>
/// The tokens a memory retains and the one statement of how they change (docs/sirllm.md), without tensors: before a
/// chunk of n tokens arrives, <see cref="MakeRoom"/> asks the policy which slots to keep and closes them up in slot
/// order; <see cref="Append"/> adds the chunk at its raw scores; <see cref="EndRound"/> multiplies every stored score by
/// eta in single precision, so a score is its surprisal times eta once per round since it entered (an adaptive
/// policy's decay chooses each round's eta from the scores the round brought, see <see cref="IAdaptiveDecay"/>).
/// Attention scores change on every forward pass instead (<see cref="Observe"/>): H2O's add what each pass paid a token,
/// TOVA's are replaced by the newest query's. The inference
/// session applies the kept slots to its KV cache, the corpus generator runs it on synthetic scores, and the replay
/// rebuild runs it on a record's evictions (<see cref="Recorded"/>), so the three agree bit for bit.
/// </summary>
public sealed class RetainedMemory
{
    readonly IMemoryPolicy? policy;
    readonly TokenLedger ledger;
    readonly IAdaptiveDecay? decay;
    readonly List<float> roundScores = [];
    readonly List<int> roundIds = [];

    /// <summary>A memory whose evictions <paramref name="policy"/> chooses, held to its budget and decayed by its eta.</summary>
    public RetainedMemory(IMemoryPolicy policy)
    {
        this.policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Eta = policy.DecayRatio;
        LastEta = Eta;
        decay = (policy as IAdaptiveMemoryPolicy)?.NewDecay();
        ledger = new TokenLedger(policy.Budget);
        Source = policy.Scores;
    }

    RetainedMemory(float eta)
    {
        Source = ScoreSource.Surprisal;
        Eta = Setting.Eta(eta, nameof(eta));
        LastEta = Eta;
        ledger = new TokenLedger(0);
    }

    /// <summary>
    /// A memory told its evictions by a record (a replay's traces, through <see cref="Forget"/>) instead of choosing
    /// them, so it needs only the eta the recorded policy decayed by.
    /// </summary>
    public static RetainedMemory Recorded(float eta) => new(eta);

    /// <summary>eta: every stored score is multiplied by this at the end of each round (1 = rigid memory); for an
    /// adaptive decay, the largest eta it may choose.</summary>
    public float Eta { get; }

    /// <summary>The eta applied at the end of the last round (<see cref="Eta"/> before the first, and always for a fixed decay).</summary>
    public float LastEta { get; private set; }

    /// <summary>The eta the policy's next selection follows: an adaptive decay's <see cref="IAdaptiveDecay.SelectionEta"/>,
    /// otherwise <see cref="Eta"/>.</summary>
    public float SelectionEta => decay?.SelectionEta ?? Eta;

    /// <summary>What the scores are: the policy's; for a recorded memory, what the record's scores are.</summary>
    public ScoreSource Source { get; }

    /// <summary>True when the policy chooses each round's eta (<see cref="IAdaptiveMemoryPolicy"/>).</summary>
    public bool AdaptsDecay => decay is not null;

    public int Count => ledger.Count;

    /// <summary>The current (decayed) scores, one per held token in slot order: what the policy ranks.</summary>
    public ReadOnlySpan<float> Scores => ledger.Scores;

    public RetainedToken this[int slot] => slot >= 0 && slot < Count
        ? ledger[slot]
        : throw new ArgumentOutOfRangeException(nameof(slot), slot, $"the memory holds {Count} tokens");

    /// <summary>
    /// Evicts what the policy gives up so that <paramref name="incoming"/> tokens fit the budget, and returns the kept
    /// slots (for the KV cache and any other per-slot data) and the evicted tokens.
    /// </summary>
    /// <exception cref="MemoryBudgetException">the policy cannot make room (a sink would go, or Full is past L)</exception>
    public Eviction MakeRoom(int incoming)
    {
        if (policy is null)
            throw new InvalidOperationException("a recorded memory has no policy to choose its evictions; apply the record's with Forget");
        var keep = policy is IAdaptiveMemoryPolicy adaptive && decay is not null
            ? adaptive.SelectKept(ledger.Scores, incoming, SelectionEta)
            : policy.SelectKept(ledger.Scores, incoming);
        return new Eviction(keep, ledger.Compact(keep));
    }

    /// <summary>
    /// Evicts the held tokens whose stream indices are in <paramref name="streamIndices"/>, as a record says the policy
    /// did; an index not held is skipped, so a caller that must see all of them gone compares the count evicted.
    /// </summary>
    public Eviction Forget(IReadOnlySet<long> streamIndices)
    {
        ArgumentNullException.ThrowIfNull(streamIndices);
        var keep = new List<int>(Count);
        for (int slot = 0; slot < Count; slot++)
            if (!streamIndices.Contains(ledger.StreamIndexAt(slot))) keep.Add(slot);
        return new Eviction([.. keep], ledger.Compact(keep));
    }

    /// <summary>Adds a chunk, its tokens numbered in the stream from <paramref name="firstStreamIndex"/>, at their raw scores.</summary>
    public void Append(ReadOnlySpan<int> ids, ReadOnlySpan<float> scores, long firstStreamIndex)
    {
        if (policy is not null && (long)Count + ids.Length > policy.Budget)
            throw new InvalidOperationException(
                $"the memory holds {Count} of its {policy.Budget} tokens and cannot take {ids.Length} more; make room for them first");
        ledger.Append(ids, scores, firstStreamIndex);
        if (decay is not null)
        {
            roundScores.AddRange(scores);
            foreach (int id in ids) roundIds.Add(id);
        }
    }

    /// <summary>
    /// What a forward pass's attention did to the held tokens' scores, one number per slot (the chunk just appended
    /// included): <see cref="ScoreSource.AccumulatedAttention"/> adds it, <see cref="ScoreSource.NewestQueryAttention"/>
    /// replaces the scores with it. Other scores do not change with attention.
    /// </summary>
    public void Observe(ReadOnlySpan<float> attention)
    {
        if (attention.Length != Count)
            throw new ArgumentException($"{attention.Length} attention weights for the {Count} held tokens; expected one per slot", nameof(attention));
        if (Source == ScoreSource.AccumulatedAttention) ledger.Add(attention);
        else if (Source == ScoreSource.NewestQueryAttention) ledger.Set(attention);
        else throw new InvalidOperationException($"{Source} scores do not change with attention");
    }

    /// <summary>Sets every held score, as a record says the live memory held them (a rebuild of attention scores).</summary>
    public void Restore(ReadOnlySpan<float> scores)
    {
        if (scores.Length != Count)
            throw new ArgumentException($"{scores.Length} scores for the {Count} held tokens; expected one per slot", nameof(scores));
        ledger.Set(scores);
    }

    /// <summary>
    /// Ends a round: SirLLM's decay multiplies every stored score by eta (nothing to do at eta = 1). The eta is the
    /// policy's, chosen now from the round's scores by an adaptive decay, or <paramref name="recordedEta"/> when a
    /// rebuild replays what the live memory chose.
    /// </summary>
    public void EndRound(float? recordedEta = null)
    {
        float eta = recordedEta ?? (decay is not null ? decay.EtaAfter(CollectionsMarshal.AsSpan(roundIds), CollectionsMarshal.AsSpan(roundScores)) : Eta);
        roundScores.Clear();
        roundIds.Clear();
        LastEta = eta;
        if (eta != 1f) ledger.Scale(eta);
    }

    /// <summary>The held tokens in slot order, with their current scores.</summary>
    public RetainedToken[] Snapshot() => ledger.Snapshot();

    /// <summary>Writes the budget and every held slot (id, stream index, score), for a checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(Budget);
        ledger.WriteSlots(writer);
        decay?.WriteState(writer);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote, refusing a state saved under another budget.</summary>
    public void ReadState(BinaryReader reader)
    {
        int budget = reader.ReadInt32();
        if (budget != Budget) throw new InvalidDataException($"the saved ledger has {budget} slots, this one {Budget} (a different budget)");
        ledger.ReadSlots(reader, budget);
        decay?.ReadState(reader);
    }

    int Budget => policy?.Budget
        ?? throw new InvalidOperationException("a recorded memory is rebuilt from its record, not saved in a checkpoint");
}
