using System.Net;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Streams;

// /register and /place-room by Dapr service invocation to the instance's app-id, with the internal bearer token.
internal sealed class DaprStreamInstanceClient(
    DaprInvocationClients clients,
    IInternalTokenSource tokens,
    IOptionsMonitor<RoomsOptions> options,
    ILogger<DaprStreamInstanceClient> logger) : IStreamInstanceClient
{
    public Task<SeatingResult> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken) =>
        SendAsync(instanceId, InternalRoutes.Register, request, request.RoomId, cancellationToken);

    public Task<SeatingResult> PlaceRoomAsync(string instanceId, PlaceRoomRequest request, CancellationToken cancellationToken) =>
        SendAsync(instanceId, InternalRoutes.PlaceRoom, request, request.RoomId, cancellationToken);

    public async Task<bool> NotifyAsync(string instanceId, NotifyRequest request, CancellationToken cancellationToken) =>
        await SendAsync(instanceId, InternalRoutes.Notify, request, request.RoomId, cancellationToken) is SeatingResult.Seated;

    private async Task<SeatingResult> SendAsync<T>(string instanceId, string route, T request, string roomId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.RegisterTimeout);
        try
        {
            using var response = await clients.For(instanceId).SendInternalAsync(HttpMethod.Post, route, request, tokens, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return SeatingResult.Seated;
            }

            RouterLog.RegisterFailed(logger, roomId, instanceId, $"{route}: status {(int)response.StatusCode}");
            return response.StatusCode == HttpStatusCode.Conflict ? SeatingResult.StaleEra : SeatingResult.Failed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            RouterLog.RegisterFailed(logger, roomId, instanceId, $"{route}: timed out");
            return SeatingResult.Failed;
        }
        catch (HttpRequestException exception)
        {
            RouterLog.RegisterFailed(logger, roomId, instanceId, $"{route}: {exception.Message}");
            return SeatingResult.Failed;
        }
    }
}
