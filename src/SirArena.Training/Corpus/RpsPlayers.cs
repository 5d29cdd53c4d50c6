namespace SirArena.Training.Corpus;

/// <summary>Which Rock-Paper-Scissors players the corpus's long streams draw (see <see cref="OpponentFamily"/>) and
/// what their answers are trained toward (see <see cref="EvidenceTargets"/>).</summary>
public enum RpsPlayers
{
    /// <summary>Counting players; every answer beats the most frequent visible move.</summary>
    Counting,
    /// <summary>Also cycles of period 2-6 and reply players; an answer follows a visible rule where one shows.</summary>
    Sequences,
}
