using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// Tells the room router about the departures in the DepartureQueue. A departure is dropped when
// the client has been seated in the same room again before it is sent (a page that rejoins right after its
// socket dropped): sending it would take the rejoined client's seat.
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
            await foreach (var departure in departures.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await pipeline.ExecuteAsync(
                        async token =>
                        {
                            if (!SeatedAgain(departure))
                            {
                                await router.RemoveClientAsync(departure, token);
                            }
                        },
                        stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The router's sweep of dead instances reconciles what is lost here.
                    StreamLog.RemoveClientFailed(logger, departure.RoomId, ClientTag.Of(departure.ClientId), exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private bool SeatedAgain(RemoveClientRequest departure) => registry.HasSeat(departure.RoomId, departure.ClientId);
}
