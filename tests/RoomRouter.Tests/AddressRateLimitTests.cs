using System.Net;
using AvatarStream.RoomRouter.Endpoints;

namespace AvatarStream.RoomRouter.Tests;

// create-room and join-room have a budget per client address; one address spending its own leaves others theirs.
// Refills are one a minute, so no permit comes back while a test runs.
public class AddressRateLimitTests
{
    private const string Proxy = "10.0.0.1";
    private const string Flooder = "203.0.113.5";
    private const string Neighbour = "198.51.100.9";

    [Fact]
    public async Task HundredCreatesFromOneAddress_StopAtTheBurst_WhileAnotherAddressStillGetsRooms()
    {
        await using var app = new RouterApplication(
            ("Network:TrustedProxies:0", Proxy), ("RateLimits:CreateRoomPerMinute", "1"), ("RateLimits:CreateRoomBurst", "20"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 100; i++)
        {
            answers.Add(await client.CreateRoomFromAsync(Proxy, Flooder));
        }

        Assert.All(answers.Take(20), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var refused in answers.Skip(20))
        {
            await RateLimitAssert.IsRateLimitedAsync(refused);
        }

        Assert.Equal(20, app.Actors.RoomsWithState().Count);
        Assert.Equal(HttpStatusCode.OK, (await client.CreateRoomFromAsync(Proxy, Neighbour)).StatusCode);
    }

    [Fact]
    public async Task JoinsFromOneAddress_StopAtTheirBurst_WhileAnotherAddressStillJoins()
    {
        await using var app = new RouterApplication(("RateLimits:JoinRoomPerMinute", "1"), ("RateLimits:JoinRoomBurst", "3"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await client.CreateRoomFromAsync(Neighbour).ReadTicketAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.JoinRoomFromAsync(room.RoomId, Flooder, key: room.JoinKey)).StatusCode);
        }

        await RateLimitAssert.IsRateLimitedAsync(await client.JoinRoomFromAsync(room.RoomId, Flooder, key: room.JoinKey));
        Assert.Equal(HttpStatusCode.OK, (await client.JoinRoomFromAsync(room.RoomId, Neighbour, key: room.JoinKey)).StatusCode);
    }

    [Fact]
    public async Task CreateAndJoin_SpendSeparateBudgets()
    {
        await using var app = new RouterApplication(("RateLimits:CreateRoomPerMinute", "1"), ("RateLimits:CreateRoomBurst", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var room = await client.CreateRoomFromAsync(Flooder).ReadTicketAsync();

        await RateLimitAssert.IsRateLimitedAsync(await client.CreateRoomFromAsync(Flooder));
        Assert.Equal(HttpStatusCode.OK, (await client.JoinRoomFromAsync(room.RoomId, Flooder, key: room.JoinKey)).StatusCode);
    }

    [Fact]
    public async Task Refusals_AreCountedByLimit()
    {
        await using var app = new RouterApplication(("RateLimits:CreateRoomPerMinute", "1"), ("RateLimits:CreateRoomBurst", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var refusals = new RateLimitRefusals(app.Services);

        await client.CreateRoomFromAsync(Flooder);
        await client.CreateRoomFromAsync(Flooder);
        await client.CreateRoomFromAsync(Flooder);

        Assert.Equal([AddressLimit.CreateRoom.Name, AddressLimit.CreateRoom.Name], refusals.Limits);
    }
}
