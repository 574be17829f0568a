using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// A room outlives its stream instance: when the instance dies, drains or restarts, the room keeps its id, host and
// seats, and its next join places it on a live instance with every seat it holds.
public sealed class RoomMoveTests
{
    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, RoomTicket room, string? clientId = null) =>
        client.PostAsJsonAsync("/join-room", new { room_id = room.RoomId, key = room.JoinKey, client_id = clientId });

    private static async Task<RoomTicket> CreateOnAsync(RouterApplication app, HttpClient client, string instanceId)
    {
        for (var i = 0; i < 20; i++)
        {
            var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
            if (room.StreamUrl == RouterApplication.StreamUrl(instanceId))
            {
                return room;
            }
        }

        throw new InvalidOperationException($"no room landed on {instanceId} in 20 creates");
    }

    [Fact]
    public async Task AMemberRejoiningARoomWhoseInstanceDied_GetsTheSameSeat_OnALiveInstance_WithEverySeatPlacedThere()
    {
        await using var app = new RouterApplication();
        await app.AnnounceBootAsync("stream-1", "boot-a");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var guest = await JoinAsync(client, room).ReadTicketAsync();
        app.Streams.Dead["stream-1"] = true;
        var era = await app.AnnounceBootAsync("stream-2", "boot-b");

        var host = await JoinAsync(client, room, room.ClientId).ReadTicketAsync();

        Assert.Equal((room.RoomId, room.ClientId, RoomRoles.Host), (host.RoomId, host.ClientId, host.Role));
        Assert.Equal(RouterApplication.StreamUrl("stream-2"), host.StreamUrl);
        Assert.Equal(room.JoinKey, host.JoinKey);
        var (placedOn, placed) = Assert.Single(app.Streams.Placed);
        Assert.Equal(("stream-2", room.RoomId, era), (placedOn, placed.RoomId, placed.Era));
        Assert.Equal(new[] { room.ClientId, guest.ClientId }.Order(), placed.Clients.Select(c => c.ClientId).Order());
        Assert.Contains(app.Streams.Registered, r => r.InstanceId == "stream-2" && r.Request.ClientId == room.ClientId && r.Request.Era == era);

        // The other member's rejoin finds the room where it went: no second move.
        var guestBack = await JoinAsync(client, room, guest.ClientId).ReadTicketAsync();
        Assert.Equal((guest.ClientId, RouterApplication.StreamUrl("stream-2")), (guestBack.ClientId, guestBack.StreamUrl));
        Assert.Single(app.Streams.Placed);
        Assert.Equal(2, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task WithNoLiveInstance_AJoinIs503_AndTheRoomWaitsWithItsSeats()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1"));

        var waiting = await JoinAsync(client, room, room.ClientId);

        await ProblemAssert.IsProblemAsync(waiting, HttpStatusCode.ServiceUnavailable, RouterProblemTypes.NoStreamInstance);
        Assert.Equal(1, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
        await app.AnnounceBootAsync("stream-1", "boot-after-restart");
        var back = await JoinAsync(client, room, room.ClientId).ReadTicketAsync();
        Assert.Equal((room.ClientId, room.StreamUrl), (back.ClientId, back.StreamUrl));
    }

    [Fact]
    public async Task ARoomNobodyCameBackTo_ExpiresAfterTheMoveTimeout_Then410_ThenAfterItsTombstone404()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication(
            ("Rooms:MoveTimeout", "00:02:00"), ("Rooms:EvictedRoomTtl", "00:10:00"), ("Rooms:RepairInterval", "01:00:00"), ("Rooms:MaxRooms", "1"))
        {
            Clock = clock,
        };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1"));
        var repair = app.Services.GetRequiredService<LedgerRepair>();

        // Still moving: it counts against the room limit, and the repair leaves it alone.
        Assert.Equal(0, await repair.RunOnceAsync(CancellationToken.None));
        await app.AnnounceBootAsync("stream-2", "boot-b");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/create-room", null)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await repair.RunOnceAsync(CancellationToken.None));

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room, room.ClientId), HttpStatusCode.Gone, RouterProblemTypes.RoomGone);
        Assert.False(app.Actors.HasState(room.RoomId));
        await client.PostAsync("/create-room", null).ReadTicketAsync();
        clock.Advance(TimeSpan.FromMinutes(11));
        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room), HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Fact]
    public async Task TheRepair_OfAMovedRoomWhoseRowAMoverLeftBehind_MakesTheRowFollowTheRoom()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication(("Rooms:RepairInterval", "01:00:00")) { Clock = clock };
        await app.AnnounceBootAsync("stream-1", "boot-a");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var era = await app.AnnounceBootAsync("stream-2", "boot-b");
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1"));

        // A router that moved the room and died before its ledger write.
        await app.Actors.Get(room.RoomId).MoveAsync(new MoveRoomArgs("stream-1", 1, "stream-2", era));
        clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, await app.Services.GetRequiredService<LedgerRepair>().RunOnceAsync(CancellationToken.None));
        var view = await app.Services.GetRequiredService<RoomLedger>().ViewAsync(CancellationToken.None);
        Assert.Equal(1, view.RoomsPerInstance().GetValueOrDefault("stream-2"));
        Assert.Equal(RouterApplication.StreamUrl("stream-2"), (await JoinAsync(client, room, room.ClientId).ReadTicketAsync()).StreamUrl);
    }

    [Fact]
    public async Task ManyJoinsAtOnce_OfAMovingRoom_PlaceItOnce()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        app.Streams.Dead["stream-1"] = true;
        await app.AnnounceAsync("stream-2", "stream-3", "stream-4");
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1"));

        var joins = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => JoinAsync(client, room).ReadTicketAsync()));

        var target = Assert.Single(joins.Select(j => j.StreamUrl).Distinct());
        Assert.NotEqual(room.StreamUrl, target);
        Assert.Single(app.Streams.Placed.Select(p => (p.InstanceId, p.Request.Era)).Distinct());
        Assert.Equal(target, RouterApplication.StreamUrl(app.Streams.Placed.First().InstanceId));
        Assert.All(
            app.Streams.Registered.Where(r => r.Request.RoomId == room.RoomId && r.Request.ClientId != room.ClientId),
            r => Assert.Equal(target, RouterApplication.StreamUrl(r.InstanceId)));
    }

    [Fact]
    public async Task ARestartedInstance_AnnouncingANewBootId_GetsANewEra_AndItsOldRoomsMoveOnTheirNextJoin()
    {
        await using var app = new RouterApplication();
        Assert.Equal(1, await app.AnnounceBootAsync("stream-1", "boot-a"));
        Assert.Equal(1, await app.AnnounceBootAsync("stream-1", "boot-a"));
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        Assert.Empty(app.Streams.Placed);

        Assert.Equal(2, await app.AnnounceBootAsync("stream-1", "boot-b"));
        var back = await JoinAsync(client, room, room.ClientId).ReadTicketAsync();

        Assert.Equal(room.StreamUrl, back.StreamUrl);
        var (_, placed) = Assert.Single(app.Streams.Placed);
        Assert.Equal((room.RoomId, 2L), (placed.RoomId, placed.Era));
        Assert.Equal(2, app.Streams.Registered.Last().Request.Era);
    }

    [Fact]
    public async Task AHeartbeatKeepsTheEra_AndAnInstanceBackAfterAFalseEvictionGetsANewOne()
    {
        await using var app = new RouterApplication();
        Assert.Equal(1, await app.AnnounceBootAsync("stream-1", "boot-a"));
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1"));

        Assert.Equal(2, await app.AnnounceBootAsync("stream-1", "boot-a"));
        Assert.Equal(2, await app.AnnounceBootAsync("stream-1", "boot-a"));
        await JoinAsync(client, room).ReadTicketAsync();
        Assert.Equal(2, Assert.Single(app.Streams.Placed).Request.Era);
    }

    [Fact]
    public async Task ADrainingInstance_GetsNoNewRoom_AndItsRoomsMoveOnTheirNextJoin()
    {
        await using var app = new RouterApplication();
        await app.AnnounceBootAsync("stream-1", "boot-1");
        await app.AnnounceBootAsync("stream-2", "boot-2");
        using var client = app.CreateClient();
        var room = await CreateOnAsync(app, client, "stream-1");

        await app.PostInternalAsync("/drain-instance", new DrainInstanceRequest("stream-1", "boot-1"));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(RouterApplication.StreamUrl("stream-2"), (await client.PostAsync("/create-room", null).ReadTicketAsync()).StreamUrl);
        }

        Assert.Equal(RouterApplication.StreamUrl("stream-2"), (await JoinAsync(client, room, room.ClientId).ReadTicketAsync()).StreamUrl);
        Assert.Equal("stream-2", Assert.Single(app.Streams.Placed).InstanceId);
    }

    [Fact]
    public async Task ADrainOrEvictionFromAnEarlierProcess_ChangesNothing()
    {
        await using var app = new RouterApplication();
        await app.AnnounceBootAsync("stream-1", "boot-new");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();

        await app.PostInternalAsync("/drain-instance", new DrainInstanceRequest("stream-1", "boot-old"));
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1", "boot-old"));

        Assert.Equal(room.StreamUrl, (await JoinAsync(client, room, room.ClientId).ReadTicketAsync()).StreamUrl);
        Assert.Empty(app.Streams.Placed);
        Assert.Equal(room.StreamUrl, (await client.PostAsync("/create-room", null).ReadTicketAsync()).StreamUrl);
    }

    [Fact]
    public async Task AMovingRoom_KeepsItsClientLimit_AndHeldSeatsStillGetBackIn()
    {
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "2"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var guest = await JoinAsync(client, room).ReadTicketAsync();
        await app.PostInternalAsync("/evict-instance", new EvictInstanceRequest("stream-1"));
        await app.AnnounceBootAsync("stream-2", "boot-b");

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room), HttpStatusCode.TooManyRequests, RouterProblemTypes.RoomFull);
        Assert.Empty(app.Streams.Placed);

        Assert.Equal(guest.ClientId, (await JoinAsync(client, room, guest.ClientId).ReadTicketAsync()).ClientId);
        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room), HttpStatusCode.TooManyRequests, RouterProblemTypes.RoomFull);
    }
}
