using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Tests.Fakes;
using AvatarStream.ServiceDefaults.Tickets;

namespace AvatarStream.RoomRouter.Tests;

// A room is private by default: its join key (from the invite link) seats a member, no key seats a knocker, a wrong
// key seats nobody. Every answer carries a ticket the room's instance can verify alone.
public class JoinKeyTests
{
    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, object body) => client.PostAsJsonAsync("/join-room", body);

    private static async Task<(RouterApplication App, HttpClient Client, RoomTicket Room)> StartAsync(string createBody = "{}")
    {
        var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        var client = app.CreateClient();
        var room = await client.PostAsync("/create-room", new StringContent(createBody, System.Text.Encoding.UTF8, "application/json")).ReadTicketAsync();
        return (app, client, room);
    }

    [Fact]
    public async Task CreateRoom_AnswersA128BitJoinKeyAndATicketForTheHost()
    {
        var (app, client, room) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        Assert.Matches("^[A-Za-z0-9_-]{22}$", room.JoinKey);
        var grant = TicketCodec.Read(room.Ticket, new TicketKeys(FixedTicketKeySource.TestKey)).Ticket;
        Assert.NotNull(grant);
        Assert.Equal((room.RoomId, SeatIdentity.Of(room.ClientId), RoomRoles.Host, "stream-1"), (grant.RoomId, grant.Identity, grant.Role, grant.InstanceId));
        Assert.InRange(grant.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        Assert.DoesNotContain(room.ClientId, room.Ticket, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRightKey_SeatsAMember()
    {
        var (app, client, room) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var guest = await JoinAsync(client, new { room_id = room.RoomId, key = room.JoinKey }).ReadTicketAsync();

        Assert.False(guest.Knocking);
        Assert.Null(guest.JoinKey);
        Assert.Contains(app.Streams.Registered, r => r.Request == new RegisterRequest(room.RoomId, guest.ClientId, RoomRoles.Guest, MemberNames.Default, new RoomSettings(), Era: 1));
    }

    [Fact]
    public async Task NoKey_SeatsAKnockerThatTheInstanceIsToldAbout()
    {
        var (app, client, room) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var guest = await JoinAsync(client, new { room_id = room.RoomId }).ReadTicketAsync();

        Assert.True(guest.Knocking);
        Assert.Contains(app.Streams.Registered, r => r.Request.ClientId == guest.ClientId && r.Request.Knock);
    }

    [Fact]
    public async Task AWrongKey_IsRefusedWithItsOwnProblemType_AndSeatsNobody()
    {
        var (app, client, room) = await StartAsync();
        await using var _ = app;
        using var __ = client;
        var registered = app.Streams.Registered.Count;

        var response = await JoinAsync(client, new { room_id = room.RoomId, key = "not-the-rooms-key-at-all" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, RouterProblemTypes.WrongJoinKey);
        Assert.Equal(registered, app.Streams.Registered.Count);
    }

    [Fact]
    public async Task AnOpenRoom_SeatsAMemberWithoutAKey()
    {
        var (app, client, room) = await StartAsync("""{"access":"open"}""");
        await using var _ = app;
        using var __ = client;

        var guest = await JoinAsync(client, new { room_id = room.RoomId }).ReadTicketAsync();

        Assert.False(guest.Knocking);
    }

    [Fact]
    public async Task TheHostRejoining_GetsTheJoinKeyBack_AndAGuestNever()
    {
        var (app, client, room) = await StartAsync();
        await using var _ = app;
        using var __ = client;
        var guest = await JoinAsync(client, new { room_id = room.RoomId, key = room.JoinKey }).ReadTicketAsync();

        var hostAgain = await JoinAsync(client, new { room_id = room.RoomId, client_id = room.ClientId }).ReadTicketAsync();
        var guestAgain = await JoinAsync(client, new { room_id = room.RoomId, client_id = guest.ClientId }).ReadTicketAsync();

        Assert.Equal(room.JoinKey, hostAgain.JoinKey);
        Assert.Null(guestAgain.JoinKey);
        Assert.NotEqual(guest.Ticket, guestAgain.Ticket);
    }

    [Theory]
    [InlineData("""{"room_id":"00001","key":""}""")]
    [InlineData("""{"room_id":"00001","key":7}""")]
    [InlineData("""{"room_id":"00001","key":"0123456789012345678901234567890123456789012345678901234567890123456789"}""")]
    [InlineData("""{"access":"public"}""")]
    public async Task MalformedKeysAndAccessAreBadRequestsNamingTheField(string body)
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var path = body.Contains("access", StringComparison.Ordinal) ? "/create-room" : "/join-room";

        var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, AvatarStream.ServiceDefaults.ProblemTypes.BadRequest);
        Assert.Contains(path == "/create-room" ? "access" : "key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
