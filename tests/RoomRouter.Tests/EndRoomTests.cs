using System.Net;
using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.ServiceDefaults;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// POST /end-room: a host ended its room on the stream instance.
public class EndRoomTests
{
    private static async Task<RoomTicket> CreateAsync(HttpClient client) => await client.PostAsync("/create-room", null).ReadTicketAsync();

    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, string roomId, string? clientId = null) =>
        client.PostAsJsonAsync("/join-room", new { room_id = roomId, client_id = clientId }, ContractJson.Options);

    private static async Task EndAsync(RouterApplication app, string roomId)
    {
        using var client = app.CreateInternalClient();
        var response = await client.PostAsJsonAsync("/end-room", new EndRoomRequest(roomId), ContractJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EndRoom_ThenJoin_Is410RoomEnded_ForNewcomersAndMembersAlike()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);
        var guest = await JoinAsync(client, room.RoomId).ReadTicketAsync();

        await EndAsync(app, room.RoomId);

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId, room.ClientId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId, guest.ClientId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
    }

    [Fact]
    public async Task EndRoom_WhileAJoinIsRegistering_TheJoinIs410RoomEnded()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Streams.Hold = release.Task;

        // The join holds its seat and waits on the instance's /register while the room ends.
        var joining = JoinAsync(client, room.RoomId);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await app.Actors.Get(room.RoomId).GetAsync()).Room!.ClientCount < 2)
        {
            await Task.Delay(10, bound.Token);
        }

        await EndAsync(app, room.RoomId);
        release.SetResult();

        await ProblemAssert.IsProblemAsync(await joining, HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
    }

    [Fact]
    public async Task EndRoom_FreesTheRoomsPlace_AndItsInstanceNoLongerHostsIt()
    {
        await using var app = new RouterApplication(("Rooms:MaxRooms", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var room = await CreateAsync(client);
        await JoinAsync(client, room.RoomId).ReadTicketAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/create-room", null)).StatusCode);

        await EndAsync(app, room.RoomId);

        Assert.Null((await app.Actors.Get(room.RoomId).GetAsync()).Room);
        var next = await CreateAsync(client);
        Assert.NotEqual(room.RoomId, next.RoomId);
    }

    [Fact]
    public async Task EndRoom_IsIdempotent_AndLateDeparturesChangeNothing()
    {
        await using var app = new RouterApplication(("Rooms:MaxRooms", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var room = await CreateAsync(client);
        var guest = await JoinAsync(client, room.RoomId).ReadTicketAsync();

        await EndAsync(app, room.RoomId);
        await EndAsync(app, room.RoomId);
        foreach (var member in new[] { guest.ClientId, room.ClientId })
        {
            var removed = await internalClient.PostAsJsonAsync("/remove-client", new RemoveClientRequest(room.RoomId, member), ContractJson.Options);
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
        await CreateAsync(client);
    }

    [Fact]
    public async Task EndRoom_UnknownRoom_IsAcceptedAndChangesNothing()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        await EndAsync(app, "00157");

        Assert.Empty(app.Actors.RoomsWithState());
        await ProblemAssert.IsProblemAsync(await JoinAsync(client, "00157"), HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Fact]
    public async Task EndRoom_AfterItsTombstoneExpires_JoinIs404()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication(("Rooms:EndedRoomTtl", "00:10:00")) { Clock = clock };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);
        await EndAsync(app, room.RoomId);
        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);

        clock.Advance(TimeSpan.FromMinutes(11));

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId), HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }

    [Fact]
    public async Task EndRoom_SeenThroughAStaleLedgerView_IsStill410RoomEnded()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var room = await CreateAsync(client);

        // Another replica ended the room: its actor says so, while this replica's ledger view still has the row.
        await app.Actors.Get(room.RoomId).EndAsync();

        await ProblemAssert.IsProblemAsync(await JoinAsync(client, room.RoomId), HttpStatusCode.Gone, RouterProblemTypes.RoomEnded);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"room_id":157}""")]
    [InlineData("""{"room_id":"123456"}""")]
    [InlineData("""{"room_id":"abc"}""")]
    [InlineData("""{"room_id":"\ud800"}""")]
    public async Task EndRoom_MalformedBody_Is400(string json)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        var response = await client.PostAsync("/end-room", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }
}
