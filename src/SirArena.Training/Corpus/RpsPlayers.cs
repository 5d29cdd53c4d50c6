namespace SirArena.Training.Corpus;

/// <summary>Which Rock-Paper-Scissors players the corpus's long streams draw (see <see cref="OpponentFamily"/>) and
/// what their answers are trained toward (see <see cref="EvidenceTargets"/>).</summary>
public enum RpsPlayers
{
    /// <summary>Counting players; every answer beats the most frequent visible move.</summary>
    Counting,
    /// <summary>On memories that keep the recent text whole (<see cref="PolicyChoice.KeepsWholeText"/>), a share of the
    /// streams (<see cref="CorpusOptions.SequenceShare"/>) draw cycles of period 2-6 and reply players instead, and every
    /// answer there follows a visible rule where one shows. Thinned memories keep counting players and counting
    /// targets: a rule read from a thinned past is not the rule, and training one there broke counting in SirLLM's
    /// contexts (docs/results.md, "A general reader").</summary>
    Sequences,
}
