using System.Net;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// Stream instances that fail /register or die: they are evicted and offered no new room; their rooms keep their ids and
// seats and move to a live instance on their next join.
public class InstanceFailureTests
{
    [Fact]
    public async Task RegisterFailingOnTheChosenInstance_RoomLandsOnTheOther_AndTheFailedInstancesRoomsMoveThereToo()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var b = await bed.StartStreamAsync("stream-b");
        await router.CreateRoomAsync().ReadTicketAsync();
        await router.CreateRoomAsync().ReadTicketAsync();
        var a = await bed.StartStreamAsync("stream-a");
        // stream-a has the fewest rooms (0, then 1 against 2), so it is the first choice of the creates below.
        var onA = await router.CreateRoomAsync().ReadTicketAsync();
        Assert.Equal(a.StreamUrl, onA.StreamUrl);
        a.Behaviour = RegisterBehaviour.Fail;

        var placed = await router.CreateRoomAsync().ReadTicketAsync();

        Assert.Equal(b.StreamUrl, placed.StreamUrl);
        Assert.Contains(b.Registered, r => r.RoomId == placed.RoomId);
        var ledger = await StoredRooms.LedgerAsync(bed.Cluster);
        Assert.Equal(new StoredRooms.LedgerRow(a.AppId, Pending: false, Moving: true), ledger[onA.RoomId]);
        Assert.Contains(onA.RoomId, await StoredRooms.ActorIdsAsync(bed.Cluster));
        Assert.Equal([b.AppId], await b.ListInstancesAsync());

        var moved = await router.JoinRoomAsync(onA.RoomId).ReadTicketAsync();

        Assert.Equal(onA.RoomId, moved.RoomId);
        Assert.Equal(b.StreamUrl, moved.StreamUrl);
        var placedSeats = Assert.Single(b.Placed, p => p.RoomId == onA.RoomId);
        Assert.Contains(placedSeats.Clients, c => c.ClientId == onA.ClientId && c.Role == "host");
        Assert.Equal(new StoredRooms.LedgerRow(b.AppId, Pending: false, Moving: false), (await StoredRooms.LedgerAsync(bed.Cluster))[onA.RoomId]);
        var next = await router.CreateRoomAsync().ReadTicketAsync();
        Assert.Equal(b.StreamUrl, next.StreamUrl);
    }

    [Fact]
    public async Task CreateRoom_WithNoInstanceRegistered_Is503WithRetryAfter()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();

        var response = await router.CreateRoomAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, RouterProblemTypes.NoStreamInstance);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
    }

    [Fact]
    public async Task CreateRoom_WhenEveryInstanceFailsRegister_Is503_AndLeavesNoRows()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var a = await bed.StartStreamAsync("stream-a");
        var b = await bed.StartStreamAsync("stream-b");
        a.Behaviour = b.Behaviour = RegisterBehaviour.Fail;

        var response = await router.CreateRoomAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, RouterProblemTypes.NoStreamInstance);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
        Assert.Empty(await StoredRooms.ActorIdsAsync(bed.Cluster));
        Assert.Empty(await a.ListInstancesAsync());
    }

    [Fact]
    public async Task JoinRoom_OnADeadInstance_MovesThatRoomToALiveOne_AndTheOthersWaitMarkedMoving()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var survivor = await bed.StartStreamAsync("stream-2");
        var dying = await bed.StartStreamAsync("stream-1");
        var rooms = new List<Contracts.RoomTicket>();
        for (var i = 0; i < 4; i++)
        {
            rooms.Add(await router.CreateRoomAsync().ReadTicketAsync());
        }

        var onDying = rooms.Where(r => r.StreamUrl == dying.StreamUrl).ToList();
        Assert.NotEmpty(onDying);
        await dying.DisposeAsync();

        var moved = await router.JoinRoomAsync(onDying[0].RoomId).ReadTicketAsync();

        Assert.Equal((onDying[0].RoomId, survivor.StreamUrl), (moved.RoomId, moved.StreamUrl));
        Assert.Contains(survivor.Registered, r => r.RoomId == moved.RoomId && r.ClientId == moved.ClientId);
        var ledger = await StoredRooms.LedgerAsync(bed.Cluster);
        Assert.Equal(rooms.Select(r => r.RoomId).Order(), ledger.Keys.Order());
        Assert.Equal(survivor.AppId, ledger[moved.RoomId].InstanceId);
        Assert.All(onDying.Skip(1), r => Assert.Equal(new StoredRooms.LedgerRow(dying.AppId, false, Moving: true), ledger[r.RoomId]));
        Assert.Equal([survivor.AppId], await survivor.ListInstancesAsync());
    }
}
