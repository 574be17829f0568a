using System.Net;
using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.ServiceDefaults;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

public class JoinRoomTests
{
    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, string json) =>
        client.PostAsync("/join-room", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<RoomTicket> CreateRoomAsync(HttpClient client) => await client.PostAsync("/create-room", null).ReadTicketAsync();

    [Fact]
    public async Task JoinRoom_StringOrNumberId_AnswersTheCanonicalIdOnTheRoomsInstance()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateRoomAsync(client);
        while (!room.RoomId.StartsWith('0'))
        {
            room = await CreateRoomAsync(client);
        }

        var bySpelledOut = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""").ReadTicketAsync();
        var byShortText = await JoinAsync(client, $$"""{"room_id":"{{int.Parse(room.RoomId, System.Globalization.CultureInfo.InvariantCulture)}}"}""").ReadTicketAsync();
        var byNumber = await JoinAsync(client, $$"""{"room_id":{{int.Parse(room.RoomId, System.Globalization.CultureInfo.InvariantCulture)}}}""").ReadTicketAsync();

        Assert.All([bySpelledOut, byShortText, byNumber], ticket =>
        {
            Assert.Equal(room.RoomId, ticket.RoomId);
            Assert.Equal(room.StreamUrl, ticket.StreamUrl);
            Assert.Equal(4, Guid.ParseExact(ticket.ClientId, "D").Version);
        });
        Assert.Equal(4, new[] { room.ClientId, bySpelledOut.ClientId, byShortText.ClientId, byNumber.ClientId }.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(app.Streams.Registered, r => r.Request == new RegisterRequest(room.RoomId, byNumber.ClientId, RoomRoles.Guest, MemberNames.Default, new RoomSettings(), Knock: true, Era: 1));
    }

    [Fact]
    public async Task JoinRoom_UnknownRoom_Is404()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await JoinAsync(client, """{"room_id":"00157"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Fact]
    public async Task JoinRoom_RoomActorWithoutLedgerRow_Is404()
    {
        await using var app = new RouterApplication();
        await app.Actors.Get("00157").CreateAsync(new CreateRoomArgs("stream-1", "leftover", DateTimeOffset.UnixEpoch));
        using var client = app.CreateClient();

        var response = await JoinAsync(client, """{"room_id":"00157"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"00157\"")]
    [InlineData("157")]
    [InlineData("{}")]
    [InlineData("""{"roomId":"00157"}""")]
    [InlineData("""{"room_id":null}""")]
    [InlineData("""{"room_id":true}""")]
    [InlineData("""{"room_id":[157]}""")]
    [InlineData("""{"room_id":{"id":157}}""")]
    [InlineData("""{"room_id":1.5}""")]
    [InlineData("""{"room_id":-1}""")]
    [InlineData("""{"room_id":100000}""")]
    [InlineData("""{"room_id":99999999999999999999999}""")]
    [InlineData("""{"room_id":""}""")]
    [InlineData("""{"room_id":"abc"}""")]
    [InlineData("""{"room_id":"123456"}""")]
    [InlineData("""{"room_id":" 157"}""")]
    [InlineData("""{"room_id":"-157"}""")]
    [InlineData("""{"room_id":"00157","client_id":"not-a-uuid"}""")]
    [InlineData("""{"room_id":"00157","client_id":42}""")]
    [InlineData("""{"room_id":"00157","client_id":""}""")]
    [InlineData("""{"room_id":"\ud800"}""")]
    [InlineData("""{"room_id":"00157","client_id":"\udc00"}""")]
    public async Task JoinRoom_MalformedBody_Is400(string json)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await JoinAsync(client, json);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task JoinRoom_NoBody_Is400()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/join-room", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task JoinRoom_BodyOver4KiB_Is413()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await JoinAsync(client, $$"""{"room_id":"00157","pad":"{{new string('x', 4100)}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Fact]
    public async Task JoinRoom_ChunkedBodyOver4KiB_Is413()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();
        var content = new StreamContent(new UnknownLengthStream(new byte[6000]));

        var response = await client.PostAsync("/join-room", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Fact]
    public async Task JoinRoom_AtMaxClients_Is429WithRetryAfter()
    {
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "2"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateRoomAsync(client);
        await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""").ReadTicketAsync();

        var response = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, RouterProblemTypes.RoomFull);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task JoinRoom_UnexpectedFailure_Is503_AndGivesTheSeatBack()
    {
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "2"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateRoomAsync(client);
        app.Streams.Failure = new HttpRequestException("sidecar unreachable");

        var response = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, ProblemTypes.DependencyUnavailable);
        Assert.Equal(1, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
        app.Streams.Failure = null;
        await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""").ReadTicketAsync();
    }

    [Fact]
    public async Task JoinRoom_WithTheClientIdOfAHeldSeat_GivesTheSameTicketBack_WithoutANewSeat()
    {
        await using var app = new RouterApplication(("Rooms:MaxClientsPerRoom", "2"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateRoomAsync(client);
        var guest = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""").ReadTicketAsync();

        // The room is full, yet both members get their own tickets back, registered again on the instance.
        var hostAgain = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}","client_id":"{{room.ClientId.ToUpperInvariant()}}"}""").ReadTicketAsync();
        var guestAgain = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}","client_id":"{{guest.ClientId}}"}""").ReadTicketAsync();

        Assert.Equal(room.Identity(), hostAgain.Identity());
        Assert.Equal(guest.Identity(), guestAgain.Identity());
        Assert.Equal(RoomRoles.Host, hostAgain.Role);
        Assert.Equal(RoomRoles.Guest, guestAgain.Role);
        Assert.Equal(2, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
        Assert.Equal(2, app.Streams.Registered.Count(r => r.Request.ClientId == guest.ClientId));
    }

    [Fact]
    public async Task JoinRoom_WithAClientIdThatHoldsNoSeat_IssuesANewOne()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateRoomAsync(client);
        var stranger = Guid.NewGuid().ToString("D");

        var ticket = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}","client_id":"{{stranger}}"}""").ReadTicketAsync();

        Assert.NotEqual(stranger, ticket.ClientId);
        Assert.NotEqual(room.ClientId, ticket.ClientId);
        Assert.Equal(2, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task JoinRoom_RejoinThatFails_LeavesTheHeldSeatAlone()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateRoomAsync(client);
        app.Streams.Failure = new HttpRequestException("sidecar unreachable");

        var response = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}","client_id":"{{room.ClientId}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, ProblemTypes.DependencyUnavailable);
        Assert.Equal(1, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
        Assert.Contains(room.ClientId, (await app.Actors.Get(room.RoomId).GetClientsAsync(new ClientsArgs(DateTimeOffset.UtcNow))).Clients.Select(c => c.ClientId));
    }

    [Fact]
    public async Task JoinRoom_RejoinWhoseSeatIsRemovedMeanwhile_GetsANewSeat()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var room = await CreateRoomAsync(client);
        var guest = await JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}"}""").ReadTicketAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Streams.Hold = release.Task;

        // The guest's old socket is reported gone while its rejoin waits on the instance.
        var rejoining = JoinAsync(client, $$"""{"room_id":"{{room.RoomId}}","client_id":"{{guest.ClientId}}"}""");
        await Task.Delay(200);
        var removed = await internalClient.PostAsJsonAsync("/remove-client", new RemoveClientRequest(room.RoomId, guest.ClientId), ContractJson.Options);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        app.Streams.Hold = null;
        release.SetResult();

        var ticket = await rejoining.ReadTicketAsync();
        Assert.Equal(room.RoomId, ticket.RoomId);
        Assert.NotEqual(guest.ClientId, ticket.ClientId);
        Assert.Equal(2, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
    }

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
