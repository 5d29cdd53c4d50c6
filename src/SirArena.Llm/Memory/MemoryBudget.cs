namespace SirArena.Llm.Memory;

/// <summary>
/// How a cache budget B is split (docs/sirllm.md): <see cref="Start"/> attention sinks, <see cref="Entropy"/>
/// tokens chosen by score and <see cref="Recent"/> tokens of the newest context, B = <see cref="Total"/>.
/// StreamingLLM is the split with <see cref="Entropy"/> = 0.
/// </summary>
public sealed record MemoryBudget(int Start = 4, int Entropy = 508, int Recent = 0)
{
    public int Start { get; } = Setting.AtLeast(Start, 0, nameof(Start));
    public int Entropy { get; } = Setting.AtLeast(Entropy, 0, nameof(Entropy));
    public int Recent { get; } = Setting.AtLeast(Recent, 0, nameof(Recent));

    /// <summary>B: the most tokens the cache may hold, incoming chunk included.</summary>
    // Budget beyond the sinks is what an incoming chunk can use; without it every eviction would have to throw.
    public int Total { get; } = Entropy + Recent >= 1
        ? checked(Start + Entropy + Recent)
        : throw new ArgumentOutOfRangeException(nameof(Entropy),
            $"{nameof(Entropy)} + {nameof(Recent)} must be >= 1 so a chunk fits beside the {Start} sinks; got {Entropy} + {Recent}.");
}
