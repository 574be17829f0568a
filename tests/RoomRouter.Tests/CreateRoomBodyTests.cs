using System.Net;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// The optional body of POST /create-room: name, lobby, join_window_seconds, max_clients.
public class CreateRoomBodyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string json) =>
        client.PostAsync("/create-room", new StringContent(json, Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, string roomId) =>
        client.PostAsync("/join-room", new StringContent($$"""{"room_id":"{{roomId}}"}""", Encoding.UTF8, "application/json"));

    public static TheoryData<string, HttpContent?> BodiesThatMeanNone => new()
    {
        { "no body", null },
        { "empty, no content type", new ByteArrayContent([]) },
        { "empty JSON", new StringContent(string.Empty, Encoding.UTF8, "application/json") },
        { "empty form, as curl -d '' sends", new StringContent(string.Empty, Encoding.UTF8, "application/x-www-form-urlencoded") },
        { "{}", new StringContent("{}", Encoding.UTF8, "application/json") },
        { "every field null", new StringContent("""{"name":null,"lobby":null,"join_window_seconds":null,"max_clients":null}""", Encoding.UTF8, "application/json") },
        { "unknown fields only", new StringContent("""{"colour":"blue"}""", Encoding.UTF8, "application/json") },
    };

    [Theory]
    [MemberData(nameof(BodiesThatMeanNone))]
    public async Task CreateRoom_WithoutOptions_MakesADefaultRoomWithAHostNamedGuest(string what, HttpContent? body)
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var ticket = await client.PostAsync("/create-room", body).ReadTicketAsync();

        Assert.True(RoomRoles.Host == ticket.Role, what);
        Assert.Equal(StreamProtocol.Offered, ticket.Protocols);
        Assert.Equal(
            new RegisterRequest(ticket.RoomId, ticket.ClientId, RoomRoles.Host, MemberNames.Default, new RoomSettings(), Era: 1),
            Assert.Single(app.Streams.Registered).Request);
    }

    [Fact]
    public async Task CreateRoom_WithEveryOption_RegistersTheHostByName_WithTheRoomsSettings()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new RouterApplication { Clock = clock };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var ticket = await CreateAsync(client, """{"name":"  Hana  ","lobby":true,"join_window_seconds":600,"max_clients":3}""").ReadTicketAsync();

        var expected = new RoomSettings(Lobby: true, JoinClosesAt: Start.AddSeconds(600));
        Assert.Equal(new RegisterRequest(ticket.RoomId, ticket.ClientId, RoomRoles.Host, "Hana", expected, Era: 1), Assert.Single(app.Streams.Registered).Request);
        var guest = await JoinAsync(client, ticket.RoomId).ReadTicketAsync();
        Assert.Equal(expected, app.Streams.Registered.Single(r => r.Request.ClientId == guest.ClientId).Request.Settings);
    }

    [Fact]
    public async Task CreateRoom_MaxClients_IsTheRoomsClientLimit()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client, """{"max_clients":2}""").ReadTicketAsync();
        await JoinAsync(client, room.RoomId).ReadTicketAsync();

        var response = await JoinAsync(client, room.RoomId);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, RouterProblemTypes.RoomFull);
    }

    [Fact]
    public async Task CreateRoom_MaxClientsAtTheServersLimit_IsAccepted_AndAboveItIs400NamingTheField()
    {
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "10"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        await CreateAsync(client, """{"max_clients":10}""").ReadTicketAsync();
        var above = await CreateAsync(client, """{"max_clients":11}""");

        await ProblemAssert.IsBadRequestNamingAsync(above, "max_clients");
        await ProblemAssert.IsBadRequestNamingAsync(await CreateAsync(client, """{"max_clients":11}"""), "10");
        Assert.Single(app.Streams.Registered);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":"12345678901234567890123456789012345678901"}""", "name")]
    [InlineData("""{"name":"Ha\u0007na"}""", "name")]
    [InlineData("""{"name":"Ha\nna"}""", "name")]
    [InlineData("""{"name":"\ud800"}""", "name")]
    [InlineData("""{"name":42}""", "name")]
    [InlineData("""{"name":["Hana"]}""", "name")]
    [InlineData("""{"lobby":"true"}""", "lobby")]
    [InlineData("""{"lobby":1}""", "lobby")]
    [InlineData("""{"lobby":{}}""", "lobby")]
    [InlineData("""{"join_window_seconds":0}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":-5}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":86401}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":1.5}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":60.0}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":6e1}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":"60"}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":true}""", "join_window_seconds")]
    [InlineData("""{"join_window_seconds":99999999999999999999}""", "join_window_seconds")]
    [InlineData("""{"max_clients":0}""", "max_clients")]
    [InlineData("""{"max_clients":51}""", "max_clients")]
    [InlineData("""{"max_clients":"3"}""", "max_clients")]
    [InlineData("""{"max_clients":2.5}""", "max_clients")]
    [InlineData("""{"max_clients":[3]}""", "max_clients")]
    [InlineData("""[]""", "JSON object")]
    [InlineData("""null""", "JSON object")]
    [InlineData("""{"name":""", "valid JSON")]
    [InlineData("""not json""", "valid JSON")]
    public async Task CreateRoom_BadBody_Is400NamingWhatIsWrong(string json, string named)
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var response = await CreateAsync(client, json);

        await ProblemAssert.IsBadRequestNamingAsync(response, named);
        Assert.Empty(app.Streams.Registered);
        Assert.Empty(app.Actors.RoomsWithState());
    }

    [Theory]
    [InlineData("""{"name":"Ha\u0007na","lobby":"no"}""", "name")]
    [InlineData("""{"lobby":"no","max_clients":0}""", "lobby")]
    public async Task CreateRoom_SeveralBadFields_NamesTheFirst(string json, string named)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        await ProblemAssert.IsBadRequestNamingAsync(await CreateAsync(client, json), named);
    }
}
