using AvatarStream.Contracts;
using Microsoft.Extensions.Options;
using Polly;

namespace AvatarStream.StreamService.RoomRouter;

// The instance's side of registration: announce it (put-task, retried until the router answers), then again every
// AnnounceInterval as a heartbeat, so an instance evicted while alive is placed again within seconds. Every answer's era
// goes to Placement. A drain stops it (StopAsync) before it tells the router.
internal sealed class AnnounceWorker(
    IRoomRouterClient router,
    Placement placement,
    IOptions<StreamOptions> options,
    TimeProvider time,
    ILogger<AnnounceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var request = new PutTaskRequest(settings.InstanceId, settings.PublicUrl, placement.Boot);
        try
        {
            var first = await Retry(stoppingToken).ExecuteAsync(async token => await router.PutTaskAsync(request, token), stoppingToken);
            placement.Observe(first.Era);
            StreamLog.Announced(logger, settings.InstanceId, settings.PublicUrl, first.Era);

            using var timer = new PeriodicTimer(settings.AnnounceInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    placement.Observe((await router.PutTaskAsync(request, stoppingToken)).Era);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    StreamLog.ReannounceFailed(logger, settings.AnnounceInterval, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped or drained: nothing to undo.
        }
    }

    private ResiliencePipeline Retry(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return RouterRetry.Create(
            time,
            int.MaxValue,
            settings.PutTaskRetryDelay,
            e => e is not OperationCanceledException || !stoppingToken.IsCancellationRequested,
            settings.PutTaskMaxRetryDelay,
            (attempt, delay, exception) => StreamLog.RouterCallRetrying(
                logger, InternalRoutes.PutTask, exception?.GetBaseException().Message ?? "no exception", attempt, delay));
    }
}
