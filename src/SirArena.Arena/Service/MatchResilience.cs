using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace SirArena.Arena.Service;

/// <summary>
/// The resilience of one match's writes (replay lines, checkpoints), with Polly: an I/O failure is retried with
/// exponential backoff, and <see cref="ServeOptions.BreakAfter"/> failed attempts in a row open the match's own
/// circuit, which stops that match (and only it) instead of letting it spin against a full or read-only disk. Polly's
/// consecutive-failure breaker is used because a served match succeeds thousands of times a minute: a breaker on
/// the failure ratio over a time window would never see a dying disk through them. The retry gives up as soon as the
/// circuit is open, so a retry is only logged when it really happens and the log reads in the order of events: the
/// retries, then the circuit opening.
/// </summary>
public sealed class MatchResilience
{
    readonly ISyncPolicy policy;
    readonly CircuitBreakerPolicy breaker;

    MatchResilience(ISyncPolicy policy, CircuitBreakerPolicy breaker)
    {
        this.policy = policy;
        this.breaker = breaker;
    }

    /// <summary>True once the failures have opened the circuit: the match must stop.</summary>
    public bool CircuitOpen => breaker.CircuitState != CircuitState.Closed;

    /// <summary>Runs <paramref name="write"/>, retrying its I/O failures while the circuit is closed.</summary>
    public void Execute(Action write) => policy.Execute(write);

    public static MatchResilience Create(ServeOptions options, string match, ILogger logger)
    {
        var breaker = IoFailures().CircuitBreaker(options.BreakAfter, TimeSpan.FromMinutes(1),
            (failure, _) => logger.LogError("{Match}: circuit opened after {Failures} failed writes in a row ({Problem}); the match stops, the others go on",
                match, options.BreakAfter, Describe(failure)),
            () => { });
        var retry = Policy.Handle<IOException>(_ => breaker.CircuitState == CircuitState.Closed)
            .Or<UnauthorizedAccessException>(_ => breaker.CircuitState == CircuitState.Closed)
            .WaitAndRetry(options.Retries,
                attempt => TimeSpan.FromMilliseconds(options.RetryDelayMs * Math.Pow(2, attempt - 1)),
                (failure, delay, attempt, _) => logger.LogWarning("{Match}: write failed ({Problem}); retry {Attempt} of {Retries} in {Delay} ms",
                    match, Describe(failure), attempt, options.Retries, delay.TotalMilliseconds));
        return new MatchResilience(Policy.Wrap(retry, breaker), breaker);
    }

    static PolicyBuilder IoFailures() => Policy.Handle<IOException>().Or<UnauthorizedAccessException>();

    /// <summary>An I/O failure in words a user can act on: a full disk and a read-only file system are named as such.</summary>
    public static string Describe(Exception? e) => e switch
    {
        null => "unknown failure",
        IOException io when IsErrno(io, 28) || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => $"the disk is full: {io.Message}",
        IOException io when IsErrno(io, 30) || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => $"the file system is read-only: {io.Message}",
        UnauthorizedAccessException denied => $"access denied (read-only file or folder?): {denied.Message}",
        _ => e.Message,
    };

    // On Unix, .NET puts the errno of a failed call in the exception's HResult (28 ENOSPC, 30 EROFS).
    static bool IsErrno(IOException e, int errno) => e.HResult == errno;
}
