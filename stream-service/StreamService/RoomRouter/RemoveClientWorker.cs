using System.Threading.Channels;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

/// <summary>
/// Tells the room router about departed clients. Departures are queued so that no connection (and no
/// relay lock) ever waits on the control plane. A departure is dropped when the client has been admitted
/// to the same room again before it is sent (a page that rejoins right after its socket dropped): sending it
/// would take the rejoined client's seat.
/// </summary>
internal sealed class RemoveClientWorker(
    IRoomRouterClient router, IServiceProvider services, TimeProvider time, ILogger<RemoveClientWorker> logger)
    : BackgroundService, IClientDepartureSink
{
    private readonly Channel<RemoveClientRequest> _departures =
        Channel.CreateUnbounded<RemoveClientRequest>(new UnboundedChannelOptions { SingleReader = true });

    public void ClientDeparted(string roomId, string clientId) =>
        _departures.Writer.TryWrite(new RemoveClientRequest(roomId, clientId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = RouterRetry.Create(
            time, attempts: 4, TimeSpan.FromMilliseconds(200), e => e is not OperationCanceledException);
        try
        {
            await foreach (var departure in _departures.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await pipeline.ExecuteAsync(
                        async token =>
                        {
                            if (!AdmittedAgain(departure))
                            {
                                await router.RemoveClientAsync(departure, token);
                            }
                        },
                        stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The router's sweep of dead instances reconciles what is lost here.
                    logger.RemoveClientFailed(departure.RoomId, ClientTag.Of(departure.ClientId), exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // The registry is resolved here, not injected: it takes this worker as its departure sink.
    private bool AdmittedAgain(RemoveClientRequest departure) =>
        services.GetRequiredService<RoomRegistry>().IsAdmitted(departure.RoomId, departure.ClientId);
}
