using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service.V2;

// Host decisions that reach beyond the socket: the room router is told, and the instance refuses what follows.
public sealed class HostPowerTests
{
    [Fact(Timeout = 30_000)]
    public async Task EndRoomClosesEveryoneWith4001TellsTheRouterAndLaterSocketsGet410()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var guestId = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest("00157", guestId, RoomRoles.Guest));
        var guest = await V2Socket.ConnectAsync(app.Address, "00157", guestId);
        await guest.NextAsync("welcome");

        await host.SendJsonAsync("""{"type":"end_room"}""");

        Assert.Equal("ended_by_host", (await guest.NextAsync("room_ended")).GetProperty("reason").GetString());
        Assert.Equal(StreamProtocol.CloseCodes.RoomEnded, await guest.ReceiveCloseAsync());
        Assert.Equal(StreamProtocol.CloseCodes.RoomEnded, await host.ReceiveCloseAsync());
        await WaitUntil(() => !app.Router.EndedRooms.IsEmpty);
        Assert.Equal("00157", Assert.Single(app.Router.EndedRooms).RoomId);
        Assert.Empty(app.Router.Removals);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => V2Socket.ConnectAsync(app.Address, "00157", guestId));
        Assert.Contains("410", refused.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task RemoveClosesWith4003TellsTheRouterWhyAndTheIdentityIsRefusedWith403()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var guestId = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest("00157", guestId, RoomRoles.Guest));
        var guest = await V2Socket.ConnectAsync(app.Address, "00157", guestId);
        var number = (await guest.NextAsync("welcome")).GetProperty("you").GetProperty("member").GetInt32();

        await host.SendJsonAsync($$"""{"type":"remove","member":{{number}}}""");

        Assert.Equal(StreamProtocol.CloseCodes.Removed, await guest.ReceiveCloseAsync());
        var removal = await app.Router.NextRemovalAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((guestId, DepartureReasons.Removed), (removal.ClientId, removal.Reason));
        Assert.Equal("removed", (await host.NextAsync("member_left")).GetProperty("reason").GetString());

        // Even registered again (a router that has not heard yet), the barred identity stays out.
        await app.RegisterAsync(new RegisterRequest("00157", guestId, RoomRoles.Guest));
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => V2Socket.ConnectAsync(app.Address, "00157", guestId));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ADeniedJoinerIsClosedWith4004AndTheRouterIsToldItIsDenied()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host, settings: new RoomSettings(Lobby: true));
        await host.NextAsync("welcome");
        var joinerId = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest("00157", joinerId, RoomRoles.Guest, "Bob", new RoomSettings(Lobby: true)));
        var joiner = await V2Socket.ConnectAsync(app.Address, "00157", joinerId);
        Assert.True((await joiner.NextAsync("waiting")).GetProperty("host_present").GetBoolean());
        var knock = await host.NextAsync("knock");
        Assert.Equal("Bob", knock.GetProperty("name").GetString());

        await host.SendJsonAsync($$"""{"type":"deny","member":{{knock.GetProperty("member").GetInt32()}}}""");

        Assert.Equal(StreamProtocol.CloseCodes.Denied, await joiner.ReceiveCloseAsync());
        var removal = await app.Router.NextRemovalAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((joinerId, DepartureReasons.Denied), (removal.ClientId, removal.Reason));
    }

    [Fact(Timeout = 30_000)]
    public async Task AClientCloseLeavesAtOnceAndTheRouterIsToldItLeft()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var guest = await app.JoinV2Async("00157");
        await guest.NextAsync("welcome");

        await guest.Socket.CloseAsync();

        Assert.Equal("left", (await host.NextAsync("member_left")).GetProperty("reason").GetString());
        var removal = await app.Router.NextRemovalAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((guest.Socket.ClientId, DepartureReasons.Left), (removal.ClientId, removal.Reason));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
