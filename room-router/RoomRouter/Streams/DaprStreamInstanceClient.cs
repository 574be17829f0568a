using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Streams;

// /register by Dapr service invocation to the instance's app-id, with the internal bearer token.
internal sealed class DaprStreamInstanceClient(
    DaprInvocationClients clients,
    IInternalTokenSource tokens,
    IOptionsMonitor<RoomsOptions> options,
    ILogger<DaprStreamInstanceClient> logger) : IStreamInstanceClient
{
    public async Task<bool> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.RegisterTimeout);
        try
        {
            using var response = await clients.For(instanceId)
                .SendInternalAsync(HttpMethod.Post, InternalRoutes.Register, request, tokens, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            RouterLog.RegisterFailed(logger, request.RoomId, instanceId, $"status {(int)response.StatusCode}");
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            RouterLog.RegisterFailed(logger, request.RoomId, instanceId, "timed out");
            return false;
        }
        catch (HttpRequestException exception)
        {
            RouterLog.RegisterFailed(logger, request.RoomId, instanceId, exception.Message);
            return false;
        }
    }
}
