using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.StreamService.RoomRouter;

// Calls the room router by Dapr service invocation (the HttpClient's base address is the router's app-id).
internal sealed class DaprRoomRouterClient(HttpClient http, IInternalTokenSource tokens) : IRoomRouterClient
{
    public Task PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.PutTask, request, cancellationToken);

    public Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.RemoveClient, request, cancellationToken);

    public Task EndRoomAsync(EndRoomRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.EndRoom, request, cancellationToken);

    public async Task<InstanceRooms> GetHostedRoomsAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var response = await http.SendInternalAsync(
            HttpMethod.Get, InternalRoutes.HostedRooms(instanceId), null, tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<InstanceRooms>(ContractJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The room router answered no rooms document.");
    }

    private async Task PostAsync(string route, object body, CancellationToken cancellationToken)
    {
        using var response = await http.SendInternalAsync(HttpMethod.Post, route, body, tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
