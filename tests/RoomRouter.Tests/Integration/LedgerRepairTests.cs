using System.Net;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// A router that died half-way through a create leaves a pending ledger row in the real store; the repair settles it
// from the room actor's state, read through the sidecar.
public class LedgerRepairTests
{
    [Fact]
    public async Task CrashAfterReserving_BeforeTheActorExisted_RowIsDropped()
    {
        await using var bed = Testbed.Create(ClusterStore.Sqlite);
        var router = await bed.StartRouterAsync(("Rooms:MaxRooms", "1"));
        var stream = await bed.StartStreamAsync("stream-1");
        var orphan = await router.Service<RoomLedger>().ReserveAsync(stream.AppId, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
        Assert.NotNull(orphan);
        await ProblemAssert.IsProblemAsync(await router.CreateRoomAsync(), HttpStatusCode.TooManyRequests, RouterProblemTypes.TooManyRooms);

        var settled = await router.Service<LedgerRepair>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
        await router.CreateRoomAsync().ReadTicketAsync();
    }

    [Fact]
    public async Task CrashAfterTheActorWasCreated_BeforeTheCommit_RowIsCommitted_AndTheRoomCanBeJoined()
    {
        await using var bed = Testbed.Create(ClusterStore.Sqlite);
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var reservation = (await router.Service<RoomLedger>().ReserveAsync(stream.AppId, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None))!.Value;
        var roomId = reservation.RoomId.ToString();
        await router.Service<IRoomActors>().Get(roomId).CreateAsync(new CreateRoomArgs(stream.AppId, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, Era: 1));
        Assert.True((await StoredRooms.LedgerAsync(bed.Cluster))[roomId].Pending);

        var settled = await router.Service<LedgerRepair>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.False((await StoredRooms.LedgerAsync(bed.Cluster))[roomId].Pending);
        var joined = await router.JoinRoomAsync(roomId).ReadTicketAsync();
        Assert.Equal(stream.StreamUrl, joined.StreamUrl);
    }

    [Fact]
    public async Task CrashWhileTheLastClientLeft_RowOfTheEndedRoomIsDropped()
    {
        await using var bed = Testbed.Create(ClusterStore.Sqlite);
        var router = await bed.StartRouterAsync();
        await bed.StartStreamAsync("stream-1");
        var room = await router.CreateRoomAsync().ReadTicketAsync();
        var id = Core.Rooms.RoomId.TryParse(room.RoomId, out var parsed) ? parsed : default;
        // The removal marks the row pending, the actor ends the room, and the router dies before settling the row.
        Assert.NotNull(await router.Service<RoomLedger>().MarkPendingAsync(id, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None));
        await router.Service<IRoomActors>().Get(room.RoomId).RemoveClientAsync(new RemoveClientArgs(room.ClientId, DateTimeOffset.UtcNow));

        var settled = await router.Service<LedgerRepair>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.Empty(await StoredRooms.LedgerAsync(bed.Cluster));
        Assert.Empty(await StoredRooms.ActorIdsAsync(bed.Cluster));
    }
}
