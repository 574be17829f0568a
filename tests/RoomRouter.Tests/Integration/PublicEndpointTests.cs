using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// The public API end to end: router, its sidecar, the actor runtime, the state store and a stream instance's sidecar.
public class PublicEndpointTests
{
    [Fact]
    public async Task Health_AnswersHealthy()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();

        var response = await router.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateRoom_RegistersTheHostOnTheInstance_AndAnswersItsStreamUrl()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");

        var ticket = await router.Client.PostAsync("/create-room", null).ReadTicketAsync();

        Assert.Matches("^[0-9]{5}$", ticket.RoomId);
        Assert.True(Guid.TryParseExact(ticket.ClientId, "D", out _));
        Assert.Equal(stream.StreamUrl, ticket.StreamUrl);
        Assert.Equal(RoomRoles.Host, ticket.Role);
        Assert.Equal(StreamProtocol.Offered, ticket.Protocols);
        Assert.Equal(
            new RegisterRequest(ticket.RoomId, ticket.ClientId, RoomRoles.Host, MemberNames.Default, new RoomSettings(), Era: 1),
            Assert.Single(stream.Registered));
    }

    [Fact]
    public async Task JoinRoom_AdmitsANewClientToTheRoomsInstance()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await router.Client.PostAsync("/create-room", null).ReadTicketAsync();

        var joined = await router.Client.PostAsJsonAsync("/join-room", new { room_id = int.Parse(room.RoomId, System.Globalization.CultureInfo.InvariantCulture), key = room.JoinKey }).ReadTicketAsync();

        Assert.Equal(room.RoomId, joined.RoomId);
        Assert.NotEqual(room.ClientId, joined.ClientId);
        Assert.Equal(stream.StreamUrl, joined.StreamUrl);
        Assert.Equal(RoomRoles.Guest, joined.Role);
        Assert.Equal(
            new RegisterRequest(room.RoomId, joined.ClientId, RoomRoles.Guest, MemberNames.Default, new RoomSettings(), Era: 1),
            stream.Registered.Last());
    }

    [Fact]
    public async Task JoinRoom_UnknownRoom_Is404()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        await bed.StartStreamAsync("stream-1");

        var response = await router.Client.PostAsJsonAsync("/join-room", new { room_id = "00042" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, RouterProblemTypes.RoomNotFound);
    }
}
