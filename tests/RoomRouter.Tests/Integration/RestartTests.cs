using System.Net;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// The router and its sidecar run as one process on the cluster's SQLite file; the stream instance as another. A
// restarted router finds its rooms and clients where it left them.
public class RestartTests
{
    [Fact]
    public async Task AfterARestartOnTheSameSqliteFile_RoomsAndClientsAreStillThere()
    {
        await using var bed = Testbed.Create(ClusterStore.Sqlite);
        var firstRun = bed.OpenCluster();
        var router = await bed.StartRouterAsync(firstRun);
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await router.CreateRoomAsync().ReadTicketAsync();
        var guest = await router.JoinRoomAsync(room.RoomId).ReadTicketAsync();
        // The stream instance's sidecar (another process) has just resolved the router it is about to lose.
        Assert.Equal([stream.AppId], await stream.ListInstancesAsync());

        await router.DisposeAsync();
        await bed.CloseClusterAsync(firstRun);
        router = await bed.StartRouterAsync(bed.OpenCluster());

        var late = await router.JoinRoomAsync(room.RoomId).ReadTicketAsync();
        Assert.Equal(room.StreamUrl, late.StreamUrl);
        Assert.Equal(HttpStatusCode.OK, (await RemoveAsync(stream, room.RoomId, guest.ClientId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RemoveAsync(stream, room.RoomId, late.ClientId)).StatusCode);
        Assert.Contains(room.RoomId, await StoredRooms.ActorIdsAsync(bed.Cluster));
        Assert.Equal(HttpStatusCode.OK, (await RemoveAsync(stream, room.RoomId, room.ClientId)).StatusCode);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
        Assert.Empty(await StoredRooms.ActorIdsAsync(bed.Cluster));
        await ProblemAssert.IsProblemAsync(await router.JoinRoomAsync(room.RoomId), HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Fact]
    public async Task AfterARestart_TheRoomLimitStillCountsTheRoomsOfTheFirstRun()
    {
        await using var bed = Testbed.Create(ClusterStore.Sqlite);
        var firstRun = bed.OpenCluster();
        var router = await bed.StartRouterAsync(firstRun, ("Rooms:MaxRooms", "2"));
        await bed.StartStreamAsync("stream-1");
        var rooms = new[] { await router.CreateRoomAsync().ReadTicketAsync(), await router.CreateRoomAsync().ReadTicketAsync() };

        await router.DisposeAsync();
        await bed.CloseClusterAsync(firstRun);
        router = await bed.StartRouterAsync(bed.OpenCluster(), ("Rooms:MaxRooms", "2"));

        await ProblemAssert.IsProblemAsync(await router.CreateRoomAsync(), HttpStatusCode.TooManyRequests, RouterProblemTypes.TooManyRooms);
        Assert.Equal(rooms.Select(r => r.RoomId).Order(), (await StoredRooms.LedgerAsync(bed.Cluster)).Keys.Order());
    }

    private static Task<HttpResponseMessage> RemoveAsync(StreamStandIn stream, string roomId, string clientId) =>
        stream.CallRouterAsync(HttpMethod.Post, "/remove-client", new RemoveClientRequest(roomId, clientId));
}
