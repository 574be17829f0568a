using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.IpUpdater.Sweep;

// The room router's internal API, reached by Dapr service invocation.
public sealed class DaprRoomRouterAdmin(DaprInvocationClients clients, IInternalTokenSource tokens) : IRoomRouterAdmin
{
    private readonly HttpClient _router = clients.For(DaprNames.RoomRouter);

    public async Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken)
    {
        using var response = await _router.SendInternalAsync(HttpMethod.Get, InternalRoutes.Instances, null, tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync<InstanceList>(ContractJson.Options, cancellationToken);
        return list?.Instances.Select(i => i.InstanceId).ToArray() ?? [];
    }

    public async Task EvictAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var response = await _router.SendInternalAsync(
            HttpMethod.Post, InternalRoutes.EvictInstance, new EvictInstanceRequest(instanceId), tokens, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
