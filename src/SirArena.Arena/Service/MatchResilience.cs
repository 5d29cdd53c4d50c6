using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SirArena.Arena.Service;

/// <summary>
/// The resilience of one match's writes (replay lines, checkpoints), with Polly: an I/O failure is retried with
/// exponential backoff; failures in a row open the match's own circuit, which stops that match (and only it) instead
/// of letting it spin against a full or read-only disk.
/// </summary>
public static class MatchResilience
{
    static readonly PredicateBuilder<object> IoFailures = new PredicateBuilder().Handle<IOException>().Handle<UnauthorizedAccessException>();

    public static ResiliencePipeline Create(ServeOptions options, string match, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.Retries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = IoFailures,
                MaxRetryAttempts = options.Retries,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMs),
                BackoffType = DelayBackoffType.Exponential,
                OnRetry = args =>
                {
                    logger.LogWarning("{Match}: write failed ({Problem}); retry {Attempt} of {Retries} in {Delay} ms",
                        match, Describe(args.Outcome.Exception), args.AttemptNumber + 1, options.Retries, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        return builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = IoFailures,
            FailureRatio = 1.0,
            MinimumThroughput = options.BreakAfter,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromMinutes(1),
            OnOpened = args =>
            {
                logger.LogError("{Match}: circuit opened after {Failures} failed writes in a row ({Problem}); the match stops, the others go on",
                    match, options.BreakAfter, Describe(args.Outcome.Exception));
                return default;
            },
        }).Build();
    }

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
