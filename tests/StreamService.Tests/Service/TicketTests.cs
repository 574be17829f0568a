using System.Net;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.Tickets;
using AvatarStream.StreamService.Tests.Infrastructure;
using AvatarStream.StreamService.Tickets;

namespace AvatarStream.StreamService.Tests.Service;

// A ticket opens one socket for its seat, on its instance, before it expires; everything else is refused before the upgrade.
public sealed class TicketTests
{
    [Fact(Timeout = 30_000)]
    public async Task ATicketOpensOneSocketAndIsRefusedWhenShownAgain()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);
        var ticket = TestTickets.For("00157", clientId);

        using (await TestSocket.ConnectAsync(app.TicketUri(ticket), clientId))
        {
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(ticket)));
    }

    [Fact(Timeout = 30_000)]
    public async Task AnExpiredTicketIsRefused()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        var expired = TestTickets.For("00157", clientId, lifetime: -TicketGate.ClockSkew - TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(expired)));
    }

    [Fact(Timeout = 30_000)]
    public async Task ATicketSignedWithAnotherKeyIsRefused()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        var forged = TestTickets.For("00157", clientId, key: new TicketKey("an-attacker's-own-key-0123456789abcdef"));

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(forged)));
    }

    [Fact(Timeout = 30_000)]
    public async Task ATicketWithAnAlteredGrantIsRefused()
    {
        await using var app = new StreamServiceFactory();
        var (mine, theirs) = (ClientIds.New(), ClientIds.New());
        await app.RegisterAsync("00157", mine);
        await app.RegisterAsync("00157", theirs);
        var parts = TestTickets.For("00157", mine).Split('.');
        var other = TestTickets.For("00157", theirs).Split('.');

        // The other seat's grant under this ticket's signature.
        var spliced = string.Join('.', parts[0], other[1], parts[2]);

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(spliced)));
    }

    [Fact(Timeout = 30_000)]
    public async Task ATicketForAnotherRoomIsRefused()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync("00001", clientId);
        await app.RegisterAsync("00002", ClientIds.New());

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(TestTickets.For("00002", clientId))));
    }

    [Fact(Timeout = 30_000)]
    public async Task ATicketForAnotherInstanceIsRefused()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        var elsewhere = TestTickets.For("00157", clientId, instanceId: "stream-9");

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(elsewhere)));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("")]
    [InlineData("no-dots")]
    [InlineData("a.b.c")]
    [InlineData("....")]
    public async Task GarbageIsRefused(string ticket)
    {
        await using var app = new StreamServiceFactory();

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.TicketUri(ticket)));
    }

    [Fact(Timeout = 30_000)]
    public async Task AKnockingSeatIsRefusedOnV1()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest("00157", clientId, Knock: true));

        Assert.Equal(HttpStatusCode.Forbidden, await Handshakes.RefusalAsync(app.SocketUri("00157", clientId)));
    }

    [Fact(Timeout = 30_000)]
    public async Task AKnockingSeatWaitsInTheLobbyOfARoomWithoutOneUntilAHostAdmitsIt()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var clientId = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest("00157", clientId, Knock: true));

        var knocker = await V2Socket.ConnectAsync(app.Address, "00157", clientId);

        Assert.Equal("waiting", (await knocker.NextAsync()).GetProperty("type").GetString());
        var knock = await host.NextAsync("knock");
        await host.SendJsonAsync($$"""{"type":"admit","member":{{knock.GetProperty("member").GetInt32()}}}""");
        Assert.Equal("welcome", (await knocker.NextAsync()).GetProperty("type").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task AResumeAloneTakesTheMemberBackAndAWrongSecretIsRefused()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        var welcome = await host.NextAsync("welcome");
        host.Raw.Abort();
        var resume = new Dictionary<string, object?>
        {
            ["session"] = welcome.GetProperty("session").GetString(),
            ["secret"] = welcome.GetProperty("resume").GetProperty("secret").GetString(),
            ["last_seq"] = welcome.GetProperty("seq").GetInt64(),
        };

        var wrong = new Dictionary<string, object?>(resume) { ["secret"] = "not-the-secret" };
        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(
            () => V2Socket.ConnectAsync(app.Address, host.Socket.ClientId, new() { ["room_id"] = "00157", ["resume"] = wrong }));
        var back = await V2Socket.ConnectAsync(app.Address, host.Socket.ClientId, new() { ["room_id"] = "00157", ["resume"] = resume });

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Equal("resumed", (await back.NextAsync()).GetProperty("type").GetString());
    }
}
