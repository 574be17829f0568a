using System.Net;
using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Tests;

public class InternalApiTests
{
    public static TheoryData<string, string> InternalCalls => new()
    {
        { "POST", "/put-task" },
        { "POST", "/remove-client" },
        { "POST", "/end-room" },
        { "POST", "/evict-instance" },
        { "GET", "/instances" },
        { "POST", "/drain-instance" },
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<RoomTicket> CreateRoomAsync(HttpClient client) => await client.PostAsync("/create-room", null).ReadTicketAsync();

    // Rooms one after another: placement takes the instance with the fewest, so they alternate between two.
    private static async Task<List<RoomTicket>> CreateRoomsAsync(HttpClient client, int count)
    {
        var rooms = new List<RoomTicket>();
        for (var i = 0; i < count; i++)
        {
            rooms.Add(await CreateRoomAsync(client));
        }

        return rooms;
    }

    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, string roomId) =>
        client.PostAsync("/join-room", Json($$"""{"room_id":"{{roomId}}"}"""));

    [Theory]
    [MemberData(nameof(InternalCalls))]
    public async Task InternalCall_WithoutToken_Is401(string method, string path)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient(authorization: null);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(InternalCalls))]
    public async Task InternalCall_WithWrongToken_Is401(string method, string path)
    {
        await using var app = new RouterApplication();
        foreach (var authorization in new[] { "Bearer wrong", "wrong", "Bearer " + RouterApplication.Token + "x", "Basic " + RouterApplication.Token })
        {
            using var client = app.CreateInternalClient(authorization);

            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        }
    }

    [Fact]
    public async Task InternalCall_WithTheSeedsBareToken_IsAccepted()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient(authorization: RouterApplication.Token);

        var response = await client.GetAsync("/instances");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PutTask_IsIdempotent_AndALaterUrlReplacesTheEarlierOne()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        for (var i = 0; i < 2; i++)
        {
            var put = await client.PostAsJsonAsync("/put-task", new PutTaskRequest("stream-1", "ws://a.test/"), ContractJson.Options);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await client.PostAsJsonAsync("/put-task", new PutTaskRequest("stream-2", "ws://b.test/"), ContractJson.Options);
        await client.PostAsJsonAsync("/put-task", new PutTaskRequest("stream-1", "wss://c.test/"), ContractJson.Options);

        var listed = await client.GetFromJsonAsync<InstanceList>("/instances", ContractJson.Options);
        Assert.Equal(
            [new RegisteredInstance("stream-1", "wss://c.test/"), new RegisteredInstance("stream-2", "ws://b.test/")],
            listed!.Instances);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("""{"instance_id":"stream-1"}""")]
    [InlineData("""{"instance_id":5,"stream_url":"ws://a.test/"}""")]
    [InlineData("""{"instance_id":"bad id!","stream_url":"ws://a.test/"}""")]
    [InlineData("""{"instance_id":"-stream","stream_url":"ws://a.test/"}""")]
    [InlineData("""{"instance_id":"stream-1","stream_url":"not a url"}""")]
    [InlineData("""{"instance_id":"stream-1","stream_url":"ftp://a.test/"}""")]
    [InlineData("""{"instance_id":"stream-1","stream_url":["ws://a.test/"]}""")]
    public async Task PutTask_MalformedBody_Is400(string json)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        var response = await client.PostAsync("/put-task", Json(json));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Theory]
    [InlineData("""{"room_id":"00157"}""")]
    [InlineData("""{"room_id":"00157","client_id":"not-a-uuid"}""")]
    [InlineData("""{"room_id":"1234567","client_id":"6f1c2d36-2f0c-4a4e-9a57-1df1f3f0c9a1"}""")]
    [InlineData("""{"room_id":157,"client_id":"6f1c2d36-2f0c-4a4e-9a57-1df1f3f0c9a1"}""")]
    public async Task RemoveClient_MalformedBody_Is400(string json)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        var response = await client.PostAsync("/remove-client", Json(json));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task RemoveClient_LastClientLeaving_DeletesTheRoomAndFreesItsPlace()
    {
        await using var app = new RouterApplication(("Rooms:MaxRooms", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var room = await CreateRoomAsync(client);

        for (var i = 0; i < 2; i++)
        {
            var removed = await internalClient.PostAsJsonAsync("/remove-client", new RemoveClientRequest(room.RoomId, room.ClientId), ContractJson.Options);
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        Assert.False(app.Actors.HasState(room.RoomId));
        Assert.Equal(HttpStatusCode.NotFound, (await JoinAsync(client, room.RoomId)).StatusCode);
        await CreateRoomAsync(client);
    }

    [Fact]
    public async Task RemoveClient_NotTheLast_KeepsTheRoom()
    {
        await using var app = new RouterApplication(("Rooms:MaxRooms", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var room = await CreateRoomAsync(client);
        await JoinAsync(client, room.RoomId).ReadTicketAsync();

        await internalClient.PostAsJsonAsync("/remove-client", new RemoveClientRequest(room.RoomId, room.ClientId), ContractJson.Options);

        Assert.Equal(1, (await app.Actors.Get(room.RoomId).GetAsync()).Room?.ClientCount);
        await JoinAsync(client, room.RoomId).ReadTicketAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/create-room", null)).StatusCode);
    }

    [Fact]
    public async Task RemoveClient_UnknownRoom_IsAcceptedAndChangesNothing()
    {
        await using var app = new RouterApplication();
        using var internalClient = app.CreateInternalClient();

        var response = await internalClient.PostAsJsonAsync(
            "/remove-client", new RemoveClientRequest("00157", Guid.NewGuid().ToString()), ContractJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Actors.RoomsWithState());
    }

    [Fact]
    public async Task EvictInstance_MarksItsRoomsOnlyMoving_AndIsIdempotent()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1", "stream-2");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var rooms = await CreateRoomsAsync(client, 6);

        var onFirst = rooms.Where(r => r.StreamUrl == RouterApplication.StreamUrl("stream-1")).ToList();
        var onSecond = rooms.Except(onFirst).ToList();

        var first = await internalClient.PostAsJsonAsync("/evict-instance", new EvictInstanceRequest("stream-1"), ContractJson.Options);
        var second = await internalClient.PostAsJsonAsync("/evict-instance", new EvictInstanceRequest("stream-1"), ContractJson.Options);

        Assert.Equal("""{"instance_id":"stream-1","rooms_moving":3}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"instance_id":"stream-1","rooms_moving":0}""", await second.Content.ReadAsStringAsync());
        foreach (var room in onFirst)
        {
            // Moved to the live instance by their next join, keeping their ids.
            var moved = await JoinAsync(client, room.RoomId).ReadTicketAsync();
            Assert.Equal((room.RoomId, RouterApplication.StreamUrl("stream-2")), (moved.RoomId, moved.StreamUrl));
        }

        foreach (var room in onSecond)
        {
            await JoinAsync(client, room.RoomId).ReadTicketAsync();
        }

        Assert.Equal(onFirst.Select(r => r.RoomId).Order(), app.Streams.Placed.Select(p => p.Request.RoomId).Order());

        var listed = await internalClient.GetFromJsonAsync<InstanceList>("/instances", ContractJson.Options);
        Assert.Equal(["stream-2"], listed!.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task EvictInstance_ThatCameBackAndDiedAgain_IsEvictedAgain()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();

        for (var life = 0; life < 2; life++)
        {
            await app.AnnounceAsync("stream-1");
            await CreateRoomAsync(client);

            var evicted = await internalClient.PostAsJsonAsync("/evict-instance", new EvictInstanceRequest("stream-1"), ContractJson.Options);

            Assert.Equal("""{"instance_id":"stream-1","rooms_moving":1}""", await evicted.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"instance_id":""}""")]
    [InlineData("""{"instance_id":42}""")]
    public async Task EvictInstance_MalformedBody_Is400(string json)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        var response = await client.PostAsync("/evict-instance", Json(json));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task InternalCall_BodyOver4KiB_Is413()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateInternalClient();

        var response = await client.PostAsync("/put-task", Json($$"""{"instance_id":"stream-1","stream_url":"ws://{{new string('a', 5000)}}/"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }
}
