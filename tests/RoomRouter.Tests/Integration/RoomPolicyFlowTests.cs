using System.Net;
using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// Roles, names, settings, bars and ended rooms through real sidecars and actors, so the room's state must survive the
// actor runtime's own serialization, and the stream instance's calls come by service invocation.
public class RoomPolicyFlowTests
{
    private static Task<HttpResponseMessage> JoinAsync(RouterNode router, string roomId, string? clientId = null, string? name = null) =>
        router.Client.PostAsJsonAsync("/join-room", new { room_id = roomId, client_id = clientId, name }, ContractJson.Options);

    [Fact]
    public async Task CreateAndJoin_RegisterEachClientWithItsRoleNameAndTheRoomsSettings()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");

        var host = await router.Client.PostAsync(
            "/create-room", new StringContent("""{"name":"Hana","lobby":true,"join_window_seconds":3600}""", Encoding.UTF8, "application/json")).ReadTicketAsync();
        var guest = await JoinAsync(router, host.RoomId, name: "Gus").ReadTicketAsync();
        var hostAgain = await JoinAsync(router, host.RoomId, host.ClientId).ReadTicketAsync();

        var registered = stream.Registered.ToList();
        var settings = registered[0].Settings;
        Assert.True(settings is { Lobby: true, JoinClosesAt: not null });
        Assert.Equal(new RegisterRequest(host.RoomId, host.ClientId, RoomRoles.Host, "Hana", settings, Era: 1), registered[0]);
        Assert.Equal(new RegisterRequest(host.RoomId, guest.ClientId, RoomRoles.Guest, "Gus", settings, Knock: true, Era: 1), registered[1]);
        Assert.Equal(new RegisterRequest(host.RoomId, host.ClientId, RoomRoles.Host, "Hana", settings, Era: 1), registered[2]);
        Assert.Equal((RoomRoles.Guest, RoomRoles.Host), (guest.Role, hostAgain.Role));
    }

    [Fact]
    public async Task RemoveClient_WithReasonRemoved_BarsTheClientFromTheRoom()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await router.CreateRoomAsync().ReadTicketAsync();
        var guest = await router.JoinRoomAsync(room.RoomId).ReadTicketAsync();

        using var removed = await stream.CallRouterAsync(
            HttpMethod.Post, "/remove-client", new RemoveClientRequest(room.RoomId, guest.ClientId, DepartureReasons.Removed));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        await ProblemAssert.IsProblemAsync(await JoinAsync(router, room.RoomId, guest.ClientId), HttpStatusCode.Forbidden, RouterProblemTypes.Barred);
    }

    [Fact]
    public async Task EndRoom_FromTheInstance_DropsTheRoomsRow_AndJoinsAnswer410RoomEnded()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await router.CreateRoomAsync().ReadTicketAsync();
        await router.JoinRoomAsync(room.RoomId).ReadTicketAsync();

        using var ended = await stream.CallRouterAsync(HttpMethod.Post, "/end-room", new EndRoomRequest(room.RoomId));

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
        await ProblemAssert.IsProblemAsync(await JoinAsync(router, room.RoomId, room.ClientId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
    }
}
