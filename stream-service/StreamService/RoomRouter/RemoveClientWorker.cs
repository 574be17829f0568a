using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// Tells the room router about the departures and ended rooms in the DepartureQueue. A departure is dropped when
// the client has been seated in the same room again before it is sent (a page that rejoins right after its
// socket dropped): sending it would take the rejoined client's seat. A removal or denial is always sent: it bars.
internal sealed class RemoveClientWorker(
    IRoomRouterClient router,
    DepartureQueue departures,
    RoomRegistry registry,
    TimeProvider time,
    ILogger<RemoveClientWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = RouterRetry.Create(
            time, attempts: 4, TimeSpan.FromMilliseconds(200), e => e is not OperationCanceledException);
        try
        {
            await foreach (var notice in departures.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await pipeline.ExecuteAsync(async token => await TellAsync(notice, token), stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The router's sweep of dead instances reconciles what is lost here.
                    var roomId = notice.Departure?.RoomId ?? notice.EndedRoom!.RoomId;
                    var clientTag = notice.Departure is { } departure ? ClientTag.Of(departure.ClientId) : "-";
                    StreamLog.RemoveClientFailed(logger, roomId, clientTag, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TellAsync(RouterNotice notice, CancellationToken cancellationToken)
    {
        if (notice.EndedRoom is { } ended)
        {
            await router.EndRoomAsync(ended, cancellationToken);
        }
        else if (notice.Departure is { } departure && (DepartureReasons.Bars(departure.Reason) || !SeatedAgain(departure)))
        {
            await router.RemoveClientAsync(departure, cancellationToken);
        }
    }

    private bool SeatedAgain(RemoveClientRequest departure) => registry.HasSeat(departure.RoomId, departure.ClientId);
}
