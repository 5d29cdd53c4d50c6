namespace SirArena.Arena.Replays;

/// <summary>Which round a stream index belongs to, given the first stream index of every round: rounds begin in
/// stream order, so it is the last round that begins at or before it.</summary>
public static class StreamRounds
{
    /// <param name="starts">the first stream index of rounds 0, 1, 2, ..., ascending</param>
    public static int RoundOf(IReadOnlyList<long> starts, long stream)
    {
        int low = 0, high = starts.Count - 1, found = -1;
        while (low <= high)
        {
            int mid = (low + high) / 2;
            if (starts[mid] <= stream) (found, low) = (mid, mid + 1);
            else high = mid - 1;
        }
        return found;
    }
}
