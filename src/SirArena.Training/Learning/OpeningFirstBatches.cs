using SirArena.Training.Corpus;

namespace SirArena.Training.Learning;

/// <summary>
/// The windows of each step. For the first <see cref="OpeningSteps"/> steps a share of each batch
/// (<c>openingShare</c>, rounded up) are grocery openings (<see cref="TrainingWindow.Opening"/>), where reading a
/// request back can start from a few tokens, and the rest are Rock-Paper-Scissors windows, so that counting is learnt
/// meanwhile (openings alone left it at chance for long after, see docs/results.md); the long grocery windows wait. Then the whole pool in
/// <see cref="BatchOrder"/>'s seeded permutations. A pure function of the step, as BatchOrder is, so a resumed run
/// sees the same batches. With no openings in the pool there is no opening phase.
/// </summary>
public sealed class OpeningFirstBatches
{
    readonly int[] openings, rps;
    readonly BatchOrder all, openingOrder, rpsOrder;

    public OpeningFirstBatches(IReadOnlyList<TrainingWindow> pool, int batchSize, int openingSteps, ulong seed, double openingShare = 0.5)
    {
        openings = Where(pool, w => w.Policy == TrainingWindow.Opening);
        rps = Where(pool, w => w.Answers.Length > 0 && w.Answers.All(a => a.Kind == RoundKind.Rps));
        OpeningSteps = openings.Length == 0 ? 0 : openingSteps;
        int fromOpenings = rps.Length == 0 ? batchSize : Math.Min(batchSize, (int)Math.Ceiling(batchSize * openingShare));
        all = new BatchOrder(pool.Count, batchSize, seed);
        openingOrder = new BatchOrder(Math.Max(1, openings.Length), fromOpenings, seed);
        rpsOrder = new BatchOrder(Math.Max(1, rps.Length), batchSize - fromOpenings, seed);
    }

    public int OpeningSteps { get; }

    public int[] At(int step) => step >= OpeningSteps
        ? all.Indices(step)
        : [.. openingOrder.Indices(step).Select(i => openings[i]), .. rpsOrder.Indices(step).Select(i => rps[i])];

    static int[] Where(IReadOnlyList<TrainingWindow> pool, Func<TrainingWindow, bool> keep) =>
        Enumerable.Range(0, pool.Count).Where(i => keep(pool[i])).ToArray();
}
