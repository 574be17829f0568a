using System.Net.Http.Headers;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.StreamService.RoomRouter;

/// <summary>Calls the room router by Dapr service invocation (the HttpClient's base address is the router's app-id).</summary>
internal sealed class DaprRoomRouterClient(HttpClient http, IInternalTokenSource tokens) : IRoomRouterClient
{
    public Task PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken) =>
        PostAsync("put-task", request, cancellationToken);

    public Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken) =>
        PostAsync("remove-client", request, cancellationToken);

    private async Task PostAsync<T>(string method, T body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = JsonContent.Create(body, options: ContractJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
