namespace SirArena.Training.Corpus;

/// <summary>
/// The shape of the generated corpus. Defaults: L = 512; up to 8 rounds per window after its compacted prefix;
/// about 16 windows cut from each simulated stream (more would make the pool repeat one stream); four streams in ten
/// are grocery (reading a request back needs many recalls, and a grocery stream has one every few rounds to a few
/// dozen), the rest Rock-Paper-Scissors, which the headline results are about. Before those, half the streams are
/// grocery openings: a match's first 3-10 rounds, episodes of 0-3 questions, which every memory holds whole. They are
/// short, so they make a small part of the pool. Reading a request back starts there (the trainer's first steps draw
/// most of their windows from them, see TrainingOptions.OpeningSteps); from long and compacted contexts alone it
/// never formed in 75 minutes. The long streams draw counting players and the paper's policies by default: with
/// sequence players and rule targets on every memory and the <see cref="PolicyFamily.Wide"/> family the model fell back
/// on one answer in SirLLM's contexts (docs/results.md, "A general reader").
/// </summary>
public sealed record CorpusOptions
{
    public int ContextLength { get; init; } = 512;
    public int MaxRoundsPerWindow { get; init; } = 8;
    public int WindowsPerStream { get; init; } = 16;
    public double GroceryShare { get; init; } = 0.4;
    public double OpeningShare { get; init; } = 0.5;
    /// <summary>Share of a grocery stream's items taken from the training scenario's own list, which play's default
    /// grocery scenario asks for; the rest are made up. It stays low so that reading a request back has to be a copy
    /// rather than recall of items learnt by heart (docs/results.md, "A general reader").</summary>
    public double ShippedItemShare { get; init; } = 0.25;
    /// <summary>Longest Rock-Paper-Scissors stream, in rounds (the arena plays 2,000).</summary>
    public int MaxRpsRounds { get; init; } = 2000;
    public int MaxGroceryRounds { get; init; } = 600;
    public RpsPlayers Players { get; init; } = RpsPlayers.Counting;
    /// <summary>With <see cref="RpsPlayers.Sequences"/>, the share of Rock-Paper-Scissors streams on whole-text memories
    /// that draw a sequence player.</summary>
    public double SequenceShare { get; init; } = 0.5;
    public PolicyFamily Policies { get; init; } = PolicyFamily.Paper;

    public CorpusOptions Validate()
    {
        if (ContextLength < 128) throw new ArgumentOutOfRangeException(nameof(ContextLength), ContextLength, "the context length L must be at least 128 tokens, or a round would not fit beside a compacted context");
        if (MaxRoundsPerWindow < 1) throw new ArgumentOutOfRangeException(nameof(MaxRoundsPerWindow), MaxRoundsPerWindow, "a window holds at least one round");
        if (WindowsPerStream < 1) throw new ArgumentOutOfRangeException(nameof(WindowsPerStream), WindowsPerStream, "cut at least one window per stream");
        if (OpeningShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(OpeningShare), OpeningShare, "the share of grocery openings is a fraction in [0, 1]");
        if (ShippedItemShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ShippedItemShare), ShippedItemShare, "the share of the scenario's own items is a fraction in [0, 1]");
        if (SequenceShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(SequenceShare), SequenceShare, "the share of sequence players is a fraction in [0, 1]");
        if (GroceryShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(GroceryShare), GroceryShare, "the grocery share is a fraction in [0, 1]");
        if (MaxRpsRounds < 12 || MaxGroceryRounds < 20) throw new ArgumentOutOfRangeException(nameof(MaxRpsRounds), "streams need at least 12 RPS or 20 grocery rounds");
        return this;
    }
}
