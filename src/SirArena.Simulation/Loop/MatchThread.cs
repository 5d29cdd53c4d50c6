namespace SirArena.Simulation.Loop;

/// <summary>
/// Starts work that computes for as long as a match plays on a thread of its own, outside the thread pool and
/// whatever scheduler the caller runs on (a grain's, for one). A pool thread held for minutes is one that the
/// caller's continuations, timers and messages (a silo's calls, a match's progress reports) wait for meanwhile.
/// </summary>
public static class MatchThread
{
    public static Task Start(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task<T> Start<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
