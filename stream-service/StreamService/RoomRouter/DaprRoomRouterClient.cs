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

    public async Task<InstanceRooms> GetHostedRoomsAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"instances/{Uri.EscapeDataString(instanceId)}/rooms");
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<InstanceRooms>(ContractJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The room router answered no rooms document.");
    }

    private async Task PostAsync<T>(string method, T body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = JsonContent.Create(body, options: ContractJson.Options),
        };
        using var response = await SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        var response = await http.SendAsync(request, cancellationToken);
        try
        {
            response.EnsureSuccessStatusCode();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
