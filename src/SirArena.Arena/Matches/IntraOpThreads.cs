using TorchSharp;

namespace SirArena.Arena.Matches;

/// <summary>
/// The intra-op threads of matches that run side by side: one each, so that two matches on two cores do not run four
/// threads that take turns (measured: several times slower in total than one thread each). A lone match keeps the
/// process's setting. The setting is process-wide, so the scope puts it back when disposed; replay headers record the
/// threads a match ran on, so verification plays it again on as many.
/// </summary>
public sealed class IntraOpThreads : IDisposable
{
    readonly int previous;

    IntraOpThreads(int threads)
    {
        previous = torch.get_num_threads();
        if (threads != previous) torch.set_num_threads(threads);
    }

    /// <summary>One thread each while <paramref name="sideBySide"/> matches run at once (more than one).</summary>
    public static IntraOpThreads ForMatches(int sideBySide) => new(sideBySide > 1 ? 1 : torch.get_num_threads());

    public void Dispose()
    {
        if (torch.get_num_threads() != previous) torch.set_num_threads(previous);
    }
}
