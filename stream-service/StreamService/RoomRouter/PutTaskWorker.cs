using AvatarStream.Contracts;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AvatarStream.StreamService.RoomRouter;

/// <summary>Announces this instance to the room router at start, retrying with backoff until it answers.</summary>
internal sealed class PutTaskWorker(
    IRoomRouterClient router, IOptions<StreamOptions> options, TimeProvider time, ILogger<PutTaskWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var request = new PutTaskRequest(settings.InstanceId, settings.PublicUrl);
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.PutTaskRetryDelay,
                MaxDelay = settings.PutTaskMaxRetryDelay,
                OnRetry = retry =>
                {
                    logger.PutTaskRetrying(retry.AttemptNumber + 1, retry.RetryDelay, retry.Outcome.Exception);
                    return default;
                },
            })
            .Build();
        try
        {
            await pipeline.ExecuteAsync(async token => await router.PutTaskAsync(request, token), stoppingToken);
            logger.Announced(settings.InstanceId, settings.PublicUrl);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the router answered: nothing to undo.
        }
    }
}
