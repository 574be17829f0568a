using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// The internal API as stream instances and the IP updater reach it: by service invocation through their own sidecars.
public class InternalCallTests
{
    [Fact]
    public async Task PutTask_AnnouncesTheInstance_Idempotently_AndInstancesListsIt()
    {
        await using var bed = Testbed.Create();
        await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1", announce: false);

        await stream.AnnounceAsync();
        await stream.AnnounceAsync();

        using var response = await stream.CallRouterAsync(HttpMethod.Get, "/instances", null);
        var list = await response.Content.ReadFromJsonAsync<InstanceList>(ContractJson.Options);
        Assert.Equal([new RegisteredInstance(stream.AppId, stream.StreamUrl)], list!.Instances);
    }

    [Fact]
    public async Task RemoveClient_DropsTheClient_AndTheLastOneLeavingEndsTheRoom()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await router.CreateRoomAsync().ReadTicketAsync();
        var guest = await router.JoinRoomAsync(room.RoomId).ReadTicketAsync();

        using var first = await stream.CallRouterAsync(HttpMethod.Post, "/remove-client", new RemoveClientRequest(room.RoomId, room.ClientId));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal([room.RoomId], (await StoredRooms.LedgerAsync(bed.Cluster)).Keys);

        using var last = await stream.CallRouterAsync(HttpMethod.Post, "/remove-client", new RemoveClientRequest(room.RoomId, guest.ClientId));
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
        Assert.Empty(await StoredRooms.ActorIdsAsync(bed.Cluster));
        await ProblemAssert.IsProblemAsync(await router.JoinRoomAsync(room.RoomId), HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Fact]
    public async Task EvictInstance_FromAnotherApp_DropsTheInstance_ItsRoomsWaitToMove()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var updater = await bed.StartStreamAsync("ip-updater", announce: false);
        var rooms = new[] { await router.CreateRoomAsync().ReadTicketAsync(), await router.CreateRoomAsync().ReadTicketAsync() };

        using var response = await updater.CallRouterAsync(HttpMethod.Post, "/evict-instance", new EvictInstanceRequest(stream.AppId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<EvictionReport>(ContractJson.Options))!.RoomsMoving);
        Assert.Empty(await updater.ListInstancesAsync());
        Assert.All((await StoredRooms.LedgerAsync(bed.Cluster)).Values, row => Assert.Equal(new StoredRooms.LedgerRow(stream.AppId, false, Moving: true), row));
        Assert.Equal(rooms.Select(r => r.RoomId).Order(), (await StoredRooms.ActorIdsAsync(bed.Cluster)).Order());

        // No live instance: the room waits (503, try again), its seats kept.
        await ProblemAssert.IsProblemAsync(await router.JoinRoomAsync(rooms[0].RoomId), HttpStatusCode.ServiceUnavailable, RouterProblemTypes.NoStreamInstance);
    }
}
