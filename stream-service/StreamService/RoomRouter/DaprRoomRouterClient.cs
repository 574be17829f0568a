using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.StreamService.RoomRouter;

// Calls the room router by Dapr service invocation (the HttpClient's base address is the router's app-id).
internal sealed class DaprRoomRouterClient(HttpClient http, IInternalTokenSource tokens) : IRoomRouterClient
{
    public async Task<PutTaskResponse> PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.SendInternalAsync(HttpMethod.Post, InternalRoutes.PutTask, request, tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PutTaskResponse>(ContractJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The room router answered put-task without an era.");
    }

    public Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.RemoveClient, request, cancellationToken);

    public Task EndRoomAsync(EndRoomRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.EndRoom, request, cancellationToken);

    public async Task<RecordRoomResponse> RecordRoomAsync(RecordRoomRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.SendInternalAsync(HttpMethod.Post, InternalRoutes.RecordRoom, request, tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RecordRoomResponse>(ContractJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The room router answered record-room without a body.");
    }

    public Task DrainInstanceAsync(DrainInstanceRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.DrainInstance, request, cancellationToken);

    public Task EvictInstanceAsync(EvictInstanceRequest request, CancellationToken cancellationToken) =>
        PostAsync(InternalRoutes.EvictInstance, request, cancellationToken);

    private async Task PostAsync(string route, object body, CancellationToken cancellationToken)
    {
        using var response = await http.SendInternalAsync(HttpMethod.Post, route, body, tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
