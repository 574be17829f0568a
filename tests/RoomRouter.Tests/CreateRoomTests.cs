using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Tests;

public class CreateRoomTests
{
    [Fact]
    public async Task CreateRoom_AnswersASnakeCaseTicket()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var response = await client.PostAsync("/create-room", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var roomId = body.RootElement.GetProperty("room_id").GetString()!;
        var clientId = body.RootElement.GetProperty("client_id").GetString()!;
        Assert.Matches("^[0-9]{5}$", roomId);
        Assert.Equal(4, Guid.ParseExact(clientId, "D").Version);
        Assert.Equal(RouterApplication.StreamUrl("stream-1"), body.RootElement.GetProperty("stream_url").GetString());
        Assert.Equal("host", body.RootElement.GetProperty("role").GetString());
        Assert.Equal(["avatar-stream.v2", "avatar-stream.v1"], body.RootElement.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            ("stream-1", new RegisterRequest(roomId, clientId, RoomRoles.Host, MemberNames.Default, new RoomSettings(), Era: 1)),
            Assert.Single(app.Streams.Registered));
        Assert.True(app.Actors.HasState(roomId));
    }

    [Fact]
    public async Task CreateRoom_PlacesOnTheInstanceWithFewestRooms()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1", "stream-2");
        using var client = app.CreateClient();

        var hosts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var ticket = await client.PostAsync("/create-room", null).ReadTicketAsync();
            hosts.Add(ticket.StreamUrl);
        }

        Assert.Equal(3, hosts.Count(h => h == RouterApplication.StreamUrl("stream-1")));
        Assert.Equal(3, hosts.Count(h => h == RouterApplication.StreamUrl("stream-2")));
    }

    [Fact]
    public async Task CreateRoom_NoInstance_Is503()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/create-room", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, RouterProblemTypes.NoStreamInstance);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task CreateRoom_InstanceFailsToRegister_IsEvictedAndTheNextOneIsTried()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1", "stream-2");
        app.Streams.Dead["stream-1"] = true;
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var ticket = await client.PostAsync("/create-room", null).ReadTicketAsync();
            Assert.Equal(RouterApplication.StreamUrl("stream-2"), ticket.StreamUrl);
        }

        using var internalClient = app.CreateInternalClient();
        var instances = await internalClient.GetFromJsonAsync<InstanceList>("/instances", ContractJson.Options);
        Assert.Equal(["stream-2"], instances!.Instances.Select(i => i.InstanceId));
        Assert.Equal(3, app.Actors.RoomsWithState().Count);
    }

    [Fact]
    public async Task CreateRoom_EveryInstanceFails_Is503_AndLeavesNothingBehind()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1", "stream-2");
        app.Streams.Dead["stream-1"] = true;
        app.Streams.Dead["stream-2"] = true;
        using var client = app.CreateClient();

        var response = await client.PostAsync("/create-room", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, RouterProblemTypes.NoStreamInstance);
        Assert.Empty(app.Actors.RoomsWithState());
    }

    [Fact]
    public async Task CreateRoom_AtMaxRooms_Is429WithRetryAfter()
    {
        await using var app = new RouterApplication(("Rooms:MaxRooms", "2"), ("Rooms:RetryAfter", "00:00:07"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        await client.PostAsync("/create-room", null).ReadTicketAsync();
        await client.PostAsync("/create-room", null).ReadTicketAsync();

        var response = await client.PostAsync("/create-room", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, RouterProblemTypes.TooManyRooms);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task CreateRoom_ManyAtOnce_NeverExceedsMaxRooms_NorRepeatsAnId()
    {
        const int maxRooms = 300;
        await using var app = new RouterApplication(("Rooms:MaxRooms", maxRooms.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await app.AnnounceAsync("stream-1", "stream-2", "stream-3");
        using var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => client.PostAsync("/create-room", null)));

        var tickets = new List<RoomTicket>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                tickets.Add((await response.Content.ReadFromJsonAsync<RoomTicket>(ContractJson.Options))!);
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            }
        }

        Assert.Equal(maxRooms, tickets.Count);
        Assert.Equal(maxRooms, tickets.Select(t => t.RoomId).Distinct().Count());
        Assert.Equal(tickets.Select(t => t.RoomId).Order(), app.Actors.RoomsWithState());
    }

    [Fact]
    public async Task CreateRoom_BodyDeclaredOver4KiB_Is413()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var response = await client.PostAsync("/create-room", new ByteArrayContent(new byte[5000]));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Theory]
    [InlineData("GET", "/create-room")]
    [InlineData("PUT", "/create-room")]
    [InlineData("GET", "/join-room")]
    [InlineData("DELETE", "/join-room")]
    public async Task WrongMethod_Is405Problem(string method, string path)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, ProblemTypes.MethodNotAllowed);
    }
}
