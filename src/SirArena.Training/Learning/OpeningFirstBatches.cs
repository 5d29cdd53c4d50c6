using SirArena.Training.Corpus;

namespace SirArena.Training.Learning;

/// <summary>
/// The windows of each step: for the first <see cref="OpeningSteps"/> only grocery openings
/// (<see cref="TrainingWindow.Opening"/>), where reading a request back can start, then the whole pool in
/// <see cref="BatchOrder"/>'s seeded permutations. A pure function of the step, as BatchOrder is, so a resumed run
/// sees the same batches. With no openings in the pool there is no opening phase.
/// </summary>
internal sealed class OpeningFirstBatches(IReadOnlyList<TrainingWindow> pool, int batchSize, int openingSteps, ulong seed)
{
    readonly int[] openings = Enumerable.Range(0, pool.Count).Where(i => pool[i].Policy == TrainingWindow.Opening).ToArray();
    readonly BatchOrder all = new(pool.Count, batchSize, seed);
    BatchOrder? openingOrder;

    public int OpeningSteps => openings.Length == 0 ? 0 : openingSteps;

    public int[] At(int step)
    {
        if (step >= OpeningSteps) return all.Indices(step);
        openingOrder ??= new BatchOrder(openings.Length, batchSize, seed);
        return Array.ConvertAll(openingOrder.Indices(step), i => openings[i]);
    }
}
