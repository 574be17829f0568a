using System.Net;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// Stream instances that fail /register or die: they are evicted with their rooms, and never offered again.
public class InstanceFailureTests
{
    [Fact]
    public async Task RegisterFailingOnTheChosenInstance_RoomLandsOnTheOther_AndTheFailedInstanceIsEvicted()
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
        Assert.DoesNotContain(ledger.Values, row => row.InstanceId == a.AppId);
        Assert.DoesNotContain(onA.RoomId, await StoredRooms.ActorIdsAsync(bed.Cluster));
        Assert.Equal([b.AppId], await b.ListInstancesAsync());
        await ProblemAssert.IsProblemAsync(await router.JoinRoomAsync(onA.RoomId), HttpStatusCode.Gone, RouterProblemTypes.RoomGone);
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
    public async Task JoinRoom_OnADeadInstance_Is410_AndTheInstanceGoesWithAllItsRooms()
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

        var response = await router.JoinRoomAsync(onDying[0].RoomId);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone, RouterProblemTypes.RoomGone);
        var ledger = await StoredRooms.LedgerAsync(bed.Cluster);
        Assert.Equal(rooms.Where(r => r.StreamUrl == survivor.StreamUrl).Select(r => r.RoomId).Order(), ledger.Keys.Order());
        Assert.Empty(onDying.Select(r => r.RoomId).Intersect(await StoredRooms.ActorIdsAsync(bed.Cluster)));
        Assert.Equal([survivor.AppId], await survivor.ListInstancesAsync());
        await ProblemAssert.IsProblemAsync(await router.JoinRoomAsync(onDying[0].RoomId), HttpStatusCode.Gone, RouterProblemTypes.RoomGone);
    }
}
