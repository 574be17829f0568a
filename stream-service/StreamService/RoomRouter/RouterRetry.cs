using Polly;
using Polly.Retry;

namespace AvatarStream.StreamService.RoomRouter;

// The exponential, jittered retry around a room-router call.
internal static class RouterRetry
{
    // shouldRetry: which failures are retried; the caller decides how cancellation counts.
    // onRetry: told before each retry: the attempt about to run (the first call is 1), its delay and the failure.
    public static ResiliencePipeline Create(
        TimeProvider time,
        int attempts,
        TimeSpan delay,
        Func<Exception, bool> shouldRetry,
        TimeSpan? maxDelay = null,
        Action<int, TimeSpan, Exception?>? onRetry = null)
    {
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle(shouldRetry),
            MaxRetryAttempts = attempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = delay,
            MaxDelay = maxDelay,
        };
        if (onRetry is not null)
        {
            retry.OnRetry = arguments =>
            {
                onRetry(arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Exception);
                return default;
            };
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(retry).Build();
    }
}
