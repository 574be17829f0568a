using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.RoomRouter;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.StreamService.Tests.Service;

// Rooms are placed on an instance in its placement era (the put-task answer): a register or place-room of another era
// seats nobody, and an era change drops every room, whose clients rejoin wherever the router moved it.
public sealed class PlacementTests
{
    [Fact(Timeout = 30_000)]
    public async Task RegisterOfAnotherEraIs409AndSeatsNobody()
    {
        await using var app = Heartbeating();
        app.Router.Era = 7;
        await app.WaitForEraAsync();
        var alice = ClientIds.New();

        using var stale = await app.PostInternalAsync(InternalRoutes.Register, new RegisterRequest("00157", alice, Era: 6));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(ProblemTypes.StalePlacement, (await stale.Content.ReadFromJsonAsync<ProblemDetails>())?.Type);
        Assert.False(app.Registry.HasSeat("00157", alice));
        Assert.Equal(0, app.Registry.RoomCount);

        await app.RegisterAsync(new RegisterRequest("00157", alice, Era: 7));
        Assert.True(app.Registry.HasSeat("00157", alice));
    }

    [Fact(Timeout = 30_000)]
    public async Task RegisterWithAnEraBeforeTheRouterAnsweredIs409AndWithoutOneSeats()
    {
        await using var app = new StreamServiceFactory();
        app.Router.PutTaskFailuresBeforeSuccess = int.MaxValue;
        var (alice, bob) = (ClientIds.New(), ClientIds.New());

        using var stale = await app.PostInternalAsync(InternalRoutes.Register, new RegisterRequest("00157", alice, Era: 1));
        await app.RegisterAsync(new RegisterRequest("00157", bob));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(app.Registry.HasSeat("00157", alice));
        Assert.True(app.Registry.HasSeat("00157", bob));
    }

    [Fact(Timeout = 30_000)]
    public async Task PlaceRoomSeatsEveryClientAndIsIdempotent()
    {
        await using var app = Heartbeating();
        app.Router.Era = 3;
        await app.WaitForEraAsync();
        var (host, guest, knocker) = (ClientIds.New(), ClientIds.New(), ClientIds.New());
        var place = new PlaceRoomRequest(
            "00157",
            3,
            [new HostedClient(host, RoomRoles.Host, "Bo"), new HostedClient(guest, RoomRoles.Guest, "Ada"), new HostedClient(knocker, RoomRoles.Guest, "Cy", Knock: true)],
            new RoomSettings(Lobby: true));

        using var first = await app.PostInternalAsync(InternalRoutes.PlaceRoom, place);
        using var again = await app.PostInternalAsync(InternalRoutes.PlaceRoom, place);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.All([host, guest, knocker], id => Assert.True(app.Registry.HasSeat("00157", id)));
        Assert.Equal((1, 1L), (app.Registry.RoomCount, app.Metrics.Rooms));

        var hostSocket = await V2Socket.ConnectAsync(app.Address, "00157", host);
        var welcome = await hostSocket.NextAsync("welcome");
        Assert.Equal(("Bo", RoomRoles.Host), (welcome.GetProperty("you").GetProperty("name").GetString(), welcome.GetProperty("you").GetProperty("role").GetString()));
        Assert.True(welcome.GetProperty("room").GetProperty("locked").GetBoolean());
    }

    [Fact(Timeout = 30_000)]
    public async Task PlaceRoomOfAnotherEraIs409AndSeatsNobody()
    {
        await using var app = Heartbeating();
        app.Router.Era = 3;
        await app.WaitForEraAsync();
        var alice = ClientIds.New();

        using var response = await app.PostInternalAsync(
            InternalRoutes.PlaceRoom, new PlaceRoomRequest("00157", 2, [new HostedClient(alice, RoomRoles.Guest, "Ada")], new RoomSettings()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProblemTypes.StalePlacement, (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Type);
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task PlacedClientThatNeverComesBackIsRemovedAfterTheClaimTimeout()
    {
        await using var app = Heartbeating(("Stream:ClaimTimeout", "00:00:00.200"));
        await app.WaitForEraAsync();
        var goneForGood = ClientIds.New();

        using var response = await app.PostInternalAsync(
            InternalRoutes.PlaceRoom, new PlaceRoomRequest("00157", app.Router.Era, [new HostedClient(goneForGood, RoomRoles.Guest, "Ada")], new RoomSettings()));
        response.EnsureSuccessStatusCode();
        var removal = await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);

        Assert.Equal(("00157", goneForGood), (removal.RoomId, removal.ClientId));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"era":1,"clients":[]}""")]
    [InlineData("""{"room_id":"room-1","era":1,"clients":[]}""")]
    [InlineData("""{"room_id":"00157","era":1}""")]
    [InlineData("""{"room_id":"00157","era":"one","clients":[]}""")]
    [InlineData("""{"room_id":"00157","era":1,"clients":[null]}""")]
    [InlineData("""{"room_id":"00157","era":1,"clients":[{"client_id":"c-1","role":"guest","name":"Ada"}]}""")]
    [InlineData($$"""{"room_id":"00157","era":1,"clients":[{"client_id":"{{ClientIds.Fixed}}","role":"owner","name":"Ada"}]}""")]
    [InlineData($$"""{"room_id":"00157","era":1,"clients":[{"client_id":"{{ClientIds.Fixed}}","role":"guest","name":"\u0007"}]}""")]
    public async Task MalformedPlaceRoomIs400ProblemDetails(string body)
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, InternalRoutes.PlaceRoom) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", FakeTokenSource.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.BadRequest, (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Type);
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task PlaceRoomWithTooManyClientsIs400()
    {
        await using var app = new StreamServiceFactory();
        var clients = Enumerable.Range(0, 10_001).Select(_ => new HostedClient(ClientIds.New(), RoomRoles.Guest, "Ada")).ToList();

        using var response = await app.PostInternalAsync(InternalRoutes.PlaceRoom, new PlaceRoomRequest("00157", 1, clients, new RoomSettings()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task PlaceRoomWithoutTheTokenIs401()
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();

        using var response = await http.PostAsJsonAsync(InternalRoutes.PlaceRoom, new PlaceRoomRequest("00157", 1, [], new RoomSettings()), ContractJson.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task EraChangeDropsEveryRoomWith1001AndReportsNoDeparture()
    {
        await using var app = Heartbeating();
        await app.WaitForEraAsync();
        using var alice = await app.JoinAsync("00157");
        var host = await app.JoinV2Async("00158", RoomRoles.Host);
        await host.NextAsync("welcome");
        var neverConnected = ClientIds.New();
        await app.RegisterAsync("00159", neverConnected);

        app.Router.Era = 2;

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await alice.ReceiveCloseAsync());
        Assert.Equal(Placement.MovedDescription, alice.Socket.CloseStatusDescription);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await host.ReceiveCloseAsync());
        await alice.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await host.Raw.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await app.Registry.WhenNoConnectionsAsync().WaitAsync(TestSocket.DefaultTimeout);
        Assert.False(app.Registry.HasSeat("00159", neverConnected));

        // The instance goes on seating in its new era; departures are reported in order, so this one would come second
        // had the dropped rooms reported theirs.
        using var newcomer = await JoinInEraAsync(app, "00157", 2);
        await newcomer.CloseAsync();
        Assert.Equal(newcomer.ClientId, (await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout)).ClientId);
        Assert.Single(app.Router.Removals);
        Assert.Empty(app.Router.EndedRooms);
    }

    [Fact(Timeout = 30_000)]
    public async Task EveryPutTaskCarriesTheSameBootIdAndAnotherProcessHasAnother()
    {
        await using var app = Heartbeating();
        await using var restarted = new StreamServiceFactory();
        _ = app.Address;
        _ = restarted.Address;

        var boots = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            boots.Add((await app.Router.NextPutTaskAsync(TestSocket.DefaultTimeout)).Boot);
        }

        Assert.Matches("^[0-9a-f]{32}$", boots[0]);
        Assert.All(boots, boot => Assert.Equal(boots[0], boot));
        Assert.NotEqual(boots[0], (await restarted.Router.Announced.WaitAsync(TestSocket.DefaultTimeout)).Boot);
    }

    [Fact(Timeout = 30_000)]
    public async Task TheInstanceAnnouncesItselfAgainEveryInterval()
    {
        await using var app = Heartbeating();
        _ = app.Address;

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(TestTickets.InstanceId, (await app.Router.NextPutTaskAsync(TestSocket.DefaultTimeout)).InstanceId);
        }
    }

    [Fact]
    public void TheHeartbeatIsAFewSecondsByDefault() => Assert.Equal(TimeSpan.FromSeconds(5), new StreamOptions().AnnounceInterval);

    private static StreamServiceFactory Heartbeating(params (string Key, string Value)[] settings) =>
        new([("Stream:AnnounceInterval", "00:00:00.050"), .. settings]);

    private static async Task<TestSocket> JoinInEraAsync(StreamServiceFactory app, string roomId, long era)
    {
        var clientId = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest(roomId, clientId, Era: era));
        return await TestSocket.ConnectAsync(app.SocketUri(roomId, clientId), clientId);
    }
}
