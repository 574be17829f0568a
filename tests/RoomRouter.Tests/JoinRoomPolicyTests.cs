using System.Net;
using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// join-room under the v2 rules: names, roles, the join window and bars.
public class JoinRoomPolicyTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<RoomTicket> CreateAsync(HttpClient client, string json = "{}") =>
        await client.PostAsync("/create-room", Json(json)).ReadTicketAsync();

    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, string roomId, string? clientId = null, string? name = null) =>
        client.PostAsJsonAsync("/join-room", new { room_id = roomId, client_id = clientId, name }, ContractJson.Options);

    private static async Task RemoveAsync(RouterApplication app, string roomId, string clientId, string? reason)
    {
        using var client = app.CreateInternalClient();
        var response = await client.PostAsJsonAsync("/remove-client", new RemoveClientRequest(roomId, clientId, reason), ContractJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task JoinRoom_WithAName_RegistersAGuestByThatName_WithTheRoomsSettings()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client, """{"lobby":true}""");

        var guest = await JoinAsync(client, room.RoomId, name: " Gus ").ReadTicketAsync();

        Assert.Equal(RoomRoles.Guest, guest.Role);
        Assert.Equal(StreamProtocol.Offered, guest.Protocols);
        Assert.Equal(
            new RegisterRequest(room.RoomId, guest.ClientId, RoomRoles.Guest, "Gus", new RoomSettings(Lobby: true), Knock: true, Era: 1),
            app.Streams.Registered.Last().Request);
    }

    [Fact]
    public async Task JoinRoom_Rejoin_KeepsTheIdentitysRoleAndName()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var host = await CreateAsync(client, """{"name":"Hana"}""");
        var guest = await JoinAsync(client, host.RoomId, name: "Gus").ReadTicketAsync();

        var hostAgain = await JoinAsync(client, host.RoomId, host.ClientId, name: "Someone").ReadTicketAsync();
        var guestAgain = await JoinAsync(client, host.RoomId, guest.ClientId).ReadTicketAsync();

        Assert.Equal(host.Identity(), hostAgain.Identity());
        Assert.Equal(guest.Identity(), guestAgain.Identity());
        var registered = app.Streams.Registered.Select(r => r.Request).ToList();
        Assert.Equal((RoomRoles.Host, "Hana"), (registered[^2].Role, registered[^2].Name));
        Assert.Equal((RoomRoles.Guest, "Gus"), (registered[^1].Role, registered[^1].Name));
    }

    [Theory]
    [InlineData("""{"room_id":"00157","name":""}""")]
    [InlineData("""{"room_id":"00157","name":"  "}""")]
    [InlineData("""{"room_id":"00157","name":"12345678901234567890123456789012345678901"}""")]
    [InlineData("""{"room_id":"00157","name":"tab\there"}""")]
    [InlineData("""{"room_id":"00157","name":7}""")]
    [InlineData("""{"room_id":"00157","name":false}""")]
    [InlineData("""{"room_id":"00157","name":"Gus\ud800"}""")]
    public async Task JoinRoom_BadName_Is400NamingIt(string json)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        await ProblemAssert.IsBadRequestNamingAsync(await client.PostAsync("/join-room", Json(json)), "name");
    }

    [Fact]
    public async Task JoinRoom_AfterTheJoinWindow_RefusesNewIdentities_ButHeldSeatsRejoin()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "2")) { Clock = clock };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var host = await CreateAsync(client, """{"join_window_seconds":60}""");
        clock.Advance(TimeSpan.FromSeconds(59));
        var guest = await JoinAsync(client, host.RoomId).ReadTicketAsync();

        clock.Advance(TimeSpan.FromSeconds(1));

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, host.RoomId), HttpStatusCode.Forbidden, RouterProblemTypes.JoinWindowClosed);
        await ProblemAssert.IsProblemAsync(
            await JoinAsync(client, host.RoomId, Guid.NewGuid().ToString("D")), HttpStatusCode.Forbidden, RouterProblemTypes.JoinWindowClosed);

        // Past the window and at the room's client limit, both seats come back as they were.
        Assert.Equal(host.Identity(), (await JoinAsync(client, host.RoomId, host.ClientId).ReadTicketAsync()).Identity());
        Assert.Equal(guest.Identity(), (await JoinAsync(client, host.RoomId, guest.ClientId).ReadTicketAsync()).Identity());
    }

    [Fact]
    public async Task JoinRoom_WithoutAJoinWindow_StaysOpen()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication { Clock = clock };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);

        clock.Advance(TimeSpan.FromDays(2));

        await JoinAsync(client, room.RoomId).ReadTicketAsync();
    }

    [Theory]
    [InlineData(DepartureReasons.Removed)]
    [InlineData(DepartureReasons.Denied)]
    public async Task JoinRoom_ByAClientARemovalBarred_Is403Barred_AndItsSeatIsFree(string reason)
    {
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "2"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);
        var guest = await JoinAsync(client, room.RoomId).ReadTicketAsync();

        await RemoveAsync(app, room.RoomId, guest.ClientId, reason);
        await RemoveAsync(app, room.RoomId, guest.ClientId, reason);

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId, guest.ClientId), HttpStatusCode.Forbidden, RouterProblemTypes.Barred);
        Assert.Equal(1, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
        var newcomer = await JoinAsync(client, room.RoomId).ReadTicketAsync();
        Assert.NotEqual(guest.ClientId, newcomer.ClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DepartureReasons.Left)]
    [InlineData(DepartureReasons.KnockTimedOut)]
    [InlineData("timeout")]
    public async Task JoinRoom_ByAClientThatLeftOtherwise_IsANewIdentity(string? reason)
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);
        var guest = await JoinAsync(client, room.RoomId).ReadTicketAsync();

        await RemoveAsync(app, room.RoomId, guest.ClientId, reason);

        var again = await JoinAsync(client, room.RoomId, guest.ClientId).ReadTicketAsync();
        Assert.NotEqual(guest.ClientId, again.ClientId);
        Assert.Equal(RoomRoles.Guest, again.Role);
        Assert.Equal(2, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task RemoveClient_ReasonThatIsNoString_Is400()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        var response = await client.PostAsync(
            "/remove-client", Json("""{"room_id":"00157","client_id":"6f1c2d36-2f0c-4a4e-9a57-1df1f3f0c9a1","reason":5}"""));

        await ProblemAssert.IsBadRequestNamingAsync(response, "RemoveClientRequest");
    }
}
