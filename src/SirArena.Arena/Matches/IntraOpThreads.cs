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
    /// <summary>The threads each match plays on while a scope is open (null: no scope).</summary>
    static int? inForce;

    readonly int previous;
    readonly int? previousInForce;

    IntraOpThreads(int threads)
    {
        previous = torch.get_num_threads();
        previousInForce = inForce;
        inForce = threads;
        if (threads != previous) torch.set_num_threads(threads);
    }

    /// <summary>One thread each while <paramref name="sideBySide"/> matches run at once (more than one).</summary>
    public static IntraOpThreads ForMatches(int sideBySide) => new(sideBySide > 1 ? 1 : torch.get_num_threads());

    /// <summary>Exactly <paramref name="threads"/> threads while the scope is open, as a benchmark asks for.</summary>
    public static IntraOpThreads Exactly(int threads) =>
        threads >= 1 ? new(threads) : throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread");

    /// <summary>
    /// Puts the setting in force on the calling thread. LibTorch keeps the count per thread (OpenMP's) and takes the
    /// process's setting only on a thread's first computation, so a pool thread that computed before the scope opened
    /// would play on the old count; a match calls this on the thread it plays on, before it is built.
    /// </summary>
    public static void OnThisThread()
    {
        if (inForce is { } threads && torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }

    public void Dispose()
    {
        if (torch.get_num_threads() != previous) torch.set_num_threads(previous);
        inForce = previousInForce;
    }
}
