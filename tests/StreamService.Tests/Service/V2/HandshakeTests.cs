using System.Net;
using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service.V2;

public sealed class HandshakeTests
{
    [Fact(Timeout = 30_000)]
    public async Task V2IsSelectedAndTheWelcomeComesFirstWithTheRegisteredRoleAndName()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host, "  Ada  ");

        Assert.Equal(StreamProtocol.V2, host.Raw.SubProtocol);
        var welcome = await host.NextAsync();
        Assert.Equal("welcome", welcome.GetProperty("type").GetString());
        Assert.Equal(2, welcome.GetProperty("protocol").GetInt32());
        Assert.Equal("00157", welcome.GetProperty("room").GetProperty("id").GetString());
        var you = welcome.GetProperty("you");
        Assert.Equal((1, "host", "Ada"), (you.GetProperty("member").GetInt32(), you.GetProperty("role").GetString(), you.GetProperty("name").GetString()));
    }

    [Fact(Timeout = 30_000)]
    public async Task ASocketOfTheOtherProtocolIsRefusedWith409BeforeTheUpgrade()
    {
        await using var app = new StreamServiceFactory();
        using var v1 = await app.JoinAsync("00157");
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => V2Socket.ConnectAsync(app.Address, "00157", clientId));

        Assert.Contains("409", refused.Message, StringComparison.Ordinal);
        await v1.SendAsync([1, 2, 3]);
        Assert.Equal(WebSocketState.Open, v1.Socket.State);
    }

    [Fact(Timeout = 30_000)]
    public async Task AV1SocketInAV2RoomIsRefusedWith409()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        using var http = new HttpClient();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(app.SocketUri("00157", clientId), clientId));

        Assert.Contains("409", refused.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task AnUnknownPairIsRefusedWith401()
    {
        await using var app = new StreamServiceFactory();

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => V2Socket.ConnectAsync(app.Address, "00157", ClientIds.New()));

        Assert.Contains(((int)HttpStatusCode.Unauthorized).ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ARegisterWithAnUnknownRoleOrABadNameIsA400()
    {
        await using var app = new StreamServiceFactory();

        var badRole = await Assert.ThrowsAsync<HttpRequestException>(() => app.RegisterAsync(new RegisterRequest("00157", ClientIds.New(), "owner")));
        var badName = await Assert.ThrowsAsync<HttpRequestException>(() => app.RegisterAsync(new RegisterRequest("00157", ClientIds.New(), RoomRoles.Guest, "tab\there")));

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
    }
}
