using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using Microsoft.Extensions.Options;
using Polly;

namespace AvatarStream.StreamService.RoomRouter;

// The instance's side of registration: announce it (put-task, retried until the router answers), seat again the
// clients of the rooms it hosted before a restart, then announce again every AnnounceInterval.
internal sealed class AnnounceWorker(
    IRoomRouterClient router,
    RoomRegistry registry,
    RoomRestore restore,
    IOptions<StreamOptions> options,
    TimeProvider time,
    ILogger<AnnounceWorker> logger) : BackgroundService
{
    private const int RestoreAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var request = new PutTaskRequest(settings.InstanceId, settings.PublicUrl);
        try
        {
            try
            {
                await Retry(InternalRoutes.PutTask, int.MaxValue, stoppingToken).ExecuteAsync(async token => await router.PutTaskAsync(request, token), stoppingToken);
                StreamLog.Announced(logger, settings.InstanceId, settings.PublicUrl);
                await RestoreAsync(settings.InstanceId, stoppingToken);
            }
            finally
            {
                restore.Complete();
            }

            using var timer = new PeriodicTimer(settings.AnnounceInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await router.PutTaskAsync(request, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    StreamLog.ReannounceFailed(logger, settings.AnnounceInterval, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: nothing to undo.
        }
    }

    // Each restored client gets the claim timeout again, so one that never comes back is removed as usual.
    private async Task RestoreAsync(string instanceId, CancellationToken stoppingToken)
    {
        InstanceRooms hosted;
        try
        {
            hosted = await Retry("GET " + InternalRoutes.HostedRoomsPattern, RestoreAttempts, stoppingToken).ExecuteAsync(async token => await router.GetHostedRoomsAsync(instanceId, token), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StreamLog.RestoreFailed(logger, exception);
            return;
        }

        var clients = 0;
        foreach (var room in hosted.Rooms)
        {
            var setup = new RoomSetup(room.Settings.Lobby, room.Settings.JoinClosesAt);
            foreach (var client in room.Clients)
            {
                var profile = new MemberProfile(client.Role == RoomRoles.Host, MemberNames.Normalize(client.Name) ?? MemberNames.Default, client.Knock);
                registry.Register(room.RoomId, client.ClientId, profile, setup);
                clients++;
            }
        }

        StreamLog.Restored(logger, hosted.Rooms.Count, clients);
    }

    private ResiliencePipeline Retry(string call, int attempts, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return RouterRetry.Create(
            time,
            attempts,
            settings.PutTaskRetryDelay,
            e => e is not OperationCanceledException || !stoppingToken.IsCancellationRequested,
            settings.PutTaskMaxRetryDelay,
            (attempt, delay, exception) => StreamLog.RouterCallRetrying(
                logger, call, exception?.GetBaseException().Message ?? "no exception", attempt, delay));
    }
}
