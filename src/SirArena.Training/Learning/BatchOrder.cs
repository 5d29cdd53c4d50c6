using SirArena.Simulation.Randomness;

namespace SirArena.Training.Learning;

/// <summary>
/// Which windows of the pool each step trains on: step s takes the next batch of a sequence of seeded permutations
/// of the pool (one per epoch). A pure function of (seed, step), so a resumed run sees exactly the batches it would
/// have seen, with no generator state to save.
/// </summary>
public sealed class BatchOrder(int poolSize, int batchSize, ulong seed)
{
    int[]? permutation;
    long permutationEpoch = -1;

    public int[] Indices(int step)
    {
        var indices = new int[batchSize];
        for (int i = 0; i < batchSize; i++)
        {
            long position = (long)step * batchSize + i;
            long epoch = position / poolSize;
            indices[i] = Permutation(epoch)[position % poolSize];
        }
        return indices;
    }

    int[] Permutation(long epoch)
    {
        if (permutationEpoch == epoch) return permutation!;
        var order = Enumerable.Range(0, poolSize).ToArray();
        new StableRandom(seed).Derive($"epoch {epoch}").Shuffle(order);
        permutationEpoch = epoch;
        return permutation = order;
    }
}
