using System.Net.Http.Json;
using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// The public calls a browser makes, spelled once.
internal static class RouterCalls
{
    public static Task<HttpResponseMessage> CreateRoomAsync(this RouterNode router) => router.Client.PostAsync("/create-room", null);

    public static Task<HttpResponseMessage> JoinRoomAsync(this RouterNode router, string roomId) =>
        router.Client.PostAsJsonAsync("/join-room", new { room_id = roomId });

    // GET /instances through caller's sidecar: the instance ids the router offers.
    public static async Task<IReadOnlyList<string>> ListInstancesAsync(this StreamStandIn caller)
    {
        using var response = await caller.CallRouterAsync(HttpMethod.Get, "/instances", null);
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync<InstanceList>(ContractJson.Options);
        return list!.Instances.Select(i => i.InstanceId).ToList();
    }
}
